package id.kotacerdas.support.problem;

import org.springframework.http.HttpStatus;

/** 409: the request is well formed but not allowed in the resource's current state. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "Conflict", detail);
    }
}
