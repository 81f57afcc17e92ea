package id.kotacerdas.support.problem;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but may not do this. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }
}
