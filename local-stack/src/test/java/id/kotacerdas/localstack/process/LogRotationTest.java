package id.kotacerdas.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRotationTest {

    @TempDir
    Path logs;

    @Test
    void aLogPastItsBoundIsCopiedAsideAndEmptiedAndItsWriterGoesOnAtItsStart() throws IOException {
        Path log = logs.resolve("intake-service.log");
        // opened for appending, as a part's output is (ProcessBuilder.Redirect.appendTo)
        try (FileOutputStream part = new FileOutputStream(log.toFile(), true)) {
            String before = "a line of the log before the rotation\n".repeat(40);
            part.write(before.getBytes(StandardCharsets.UTF_8));

            assertThat(new LogRotation(1024, 3).rotateIfLarger(log)).isTrue();

            part.write("the first line after it\n".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(log.resolveSibling("intake-service.log.1"))).isEqualTo(before);
            assertThat(Files.readString(log)).isEqualTo("the first line after it\n");
        }
    }

    @Test
    void olderCopiesMoveOnAndThoseBeyondTheKeptNumberAreDropped() throws IOException {
        Path log = logs.resolve("routing-service.log");
        LogRotation rotation = new LogRotation(10, 2);
        for (String run : new String[] {"first", "second", "third"}) {
            Files.writeString(log, run + " stretch of the log\n");
            assertThat(rotation.rotateIfLarger(log)).isTrue();
        }

        assertThat(Files.readString(logs.resolve("routing-service.log.1"))).startsWith("third");
        assertThat(Files.readString(logs.resolve("routing-service.log.2"))).startsWith("second");
        assertThat(logs.resolve("routing-service.log.3")).doesNotExist();
        assertThat(Files.size(log)).isZero();
    }

    @Test
    void aLogWithinItsBoundOrNotYetWrittenIsLeftAlone() throws IOException {
        Path log = logs.resolve("gateway.log");
        LogRotation rotation = new LogRotation(1024, 3);
        assertThat(rotation.rotateIfLarger(log)).isFalse();

        Files.writeString(log, "short\n");
        assertThat(rotation.rotateIfLarger(log)).isFalse();
        assertThat(Files.readString(log)).isEqualTo("short\n");
        assertThat(logs.resolve("gateway.log.1")).doesNotExist();
    }
}
