package id.kotacerdas.support.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/** 400: the request names fields whose values the service cannot accept. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", describe(problems), problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    private static String describe(List<FieldProblem> problems) {
        return problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).reason()
                : problems.size() + " fields are invalid";
    }
}
