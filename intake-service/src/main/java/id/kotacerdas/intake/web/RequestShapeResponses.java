package id.kotacerdas.intake.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import id.kotacerdas.support.problem.FieldProblem;
import tools.jackson.databind.DatabindException;

/**
 * Names the parameter or body field that does not fit its type (e.g. an operator object {@code {"$gt": ""}} where
 * text is expected). Boot's own problem-details handler otherwise answers first with a bare "Failed to
 * read request", without the {@code errors} list every other refusal carries.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestShapeResponses {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON");
        problem.setTitle("Invalid request");
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            problem.setDetail("Field " + field + " has a value of the wrong type or form");
            problem.setProperty("errors", List.of(new FieldProblem(field, "has a value of the wrong type or form")));
        } else {
            problem.setProperty("errors", List.of(new FieldProblem("body", "is not valid JSON")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter " + e.getName() + " has the wrong type");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "has the wrong type")));
        return ResponseEntity.badRequest().body(problem);
    }
}
