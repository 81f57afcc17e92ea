package id.kotacerdas.support.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the service refuses, answered as RFC 9457 problem+json. Domain code throws its subclasses. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
