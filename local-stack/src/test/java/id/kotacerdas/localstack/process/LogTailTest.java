package id.kotacerdas.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void anEcsJsonFailureIsShownAsLevelLoggerMessageAndItsRootCause() throws Exception {
        Path log = dir.resolve("intake-service.log");
        Files.writeString(log, """
                plain first line
                {"@timestamp":"2026-11-27T21:40:31Z","log":{"level":"ERROR","logger":"org.springframework.boot.SpringApplication"},"message":"Application run failed","error":{"type":"org.springframework.beans.factory.UnsatisfiedDependencyException","message":"Error creating bean","stack_trace":"org.springframework...\\n\\tat x\\nCaused by: java.lang.IllegalStateException: INTAKE_CONTACT_KEY is not set\\n\\tat y\\n"}}
                """);

        String tail = LogTail.of(log, 1);

        assertThat(tail).startsWith("ERROR SpringApplication: Application run failed")
                .contains("root cause: java.lang.IllegalStateException: INTAKE_CONTACT_KEY is not set")
                .doesNotContain("plain first line");
    }
}
