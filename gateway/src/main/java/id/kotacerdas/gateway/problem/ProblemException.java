package id.kotacerdas.gateway.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** Thrown by gateway code to answer with a problem document instead of a result. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = errors;
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
