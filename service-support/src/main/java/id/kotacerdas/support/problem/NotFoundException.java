package id.kotacerdas.support.problem;

import org.springframework.http.HttpStatus;

/** 404: no such resource, or none the caller may see. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "Not found", detail);
    }
}
