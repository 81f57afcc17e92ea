package id.kotacerdas.support.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Endpoints that fail in each way a service can, to check the answers. */
@RestController
@RequestMapping("/test/problems")
class ProblemTestController {

    record Place(double latitude, double longitude) {
    }

    record Submission(@NotBlank String name, @Size(max = 10) String description, Place place) {
    }

    @PostMapping("/validated")
    Map<String, String> validated(@Valid @RequestBody Submission submission) {
        return Map.of("name", submission.name());
    }

    @PostMapping("/duplicate")
    void duplicate() {
        throw new DuplicateKeyException("E11000 duplicate key error collection: secret.internal index: nik_1");
    }

    @PostMapping("/crash")
    void crash() {
        throw new IllegalStateException("connection string mongodb://admin:secret@db");
    }

    @PostMapping("/store-down")
    void storeDown() {
        throw new org.springframework.dao.DataAccessResourceFailureException("Timed out connecting to localhost:27017");
    }

    @PostMapping("/conflict")
    void conflict() {
        throw new ConflictException("Report is CLOSED and cannot be acknowledged");
    }
}
