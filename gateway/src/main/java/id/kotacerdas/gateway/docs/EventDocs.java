package id.kotacerdas.gateway.docs;

import id.kotacerdas.gateway.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The topics' AsyncAPI document, as the event-contracts jar ships it. */
@RestController
public class EventDocs {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private final Resource asyncApi = new ClassPathResource("asyncapi.yaml");

    @GetMapping("/docs/events")
    @Operation(summary = "AsyncAPI document of every Kafka topic and event", tags = "docs")
    public ResponseEntity<Resource> asyncApi() {
        if (!asyncApi.exists()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "The AsyncAPI document is not part of this build.");
        }
        return ResponseEntity.ok().contentType(YAML).body(asyncApi);
    }
}
