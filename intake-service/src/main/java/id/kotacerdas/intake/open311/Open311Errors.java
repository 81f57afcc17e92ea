package id.kotacerdas.intake.open311;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 clients expect errors as {@code [{code, description}]} ({@code <errors><error>} in XML), not
 * problem+json: this advice answers every failure of the Open311 endpoints that way, in the requested format.
 * It runs before the service-wide problem+json advice, and only for this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    /** The intake's field names as Open311 names them. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("jurisdiction", "jurisdiction_id"),
            Map.entry("serviceCode", "service_code"),
            Map.entry("type", "type"),
            Map.entry("description", "description"),
            Map.entry("location", "lat/long or address_string"),
            Map.entry("location.latitude", "lat"),
            Map.entry("location.longitude", "long"),
            Map.entry("location.address", "address_string"),
            Map.entry("reporter.name", "first_name/last_name"),
            Map.entry("reporter.phone", "phone"),
            Map.entry("reporter.email", "email"),
            Map.entry("photos", "media_url"));

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return answer(request, e.status(), e.descriptions());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<byte[]> problem(ProblemException e, HttpServletRequest request) {
        if (e.fieldProblems().isEmpty()) {
            return answer(request, e.status(), List.of(e.getMessage()));
        }
        return answer(request, e.status(), e.fieldProblems().stream().map(Open311Errors::describe).toList());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<byte[]> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, List.of("This request was already received"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known) {
            HttpStatusCode status = known.getStatusCode();
            String detail = known.getBody().getDetail();
            return answer(request, status, List.of(detail == null ? "Request not accepted" : detail));
        }
        log.error("Open311 request {} failed", request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, List.of("General service error"));
    }

    static String describe(FieldProblem problem) {
        return fieldName(problem.field()) + ": " + problem.reason();
    }

    static String fieldName(String intakeField) {
        if (intakeField.startsWith("attributes.")) {
            return "attribute[" + intakeField.substring("attributes.".length()) + "]";
        }
        if (intakeField.startsWith("photos")) {
            return "media_url";
        }
        return FIELD_NAMES.getOrDefault(intakeField, intakeField);
    }

    private static ResponseEntity<byte[]> answer(HttpServletRequest request, HttpStatusCode status,
                                                 List<String> descriptions) {
        Open311Node errors = Open311Node.items("error", descriptions.stream()
                .map(d -> Open311Node.Fields.builder().put("code", status.value()).put("description", d).build())
                .toList());
        return Open311Format.ofPath(request.getRequestURI()).answer(status, "errors", errors);
    }
}
