package id.kotacerdas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackHomeTest {

    @TempDir
    Path repository;

    @Test
    void aNewRunKeepsOnlyThePreviousRunsLogOfEachPart() throws IOException {
        StackHome home = new StackHome(repository).create();
        Files.writeString(home.logFile("gateway"), "second run\n");
        Files.writeString(home.logsDir().resolve("gateway.log.1"), "first run\n");
        Files.writeString(home.logFile("kafka"), "second run\n");

        home.keepPreviousRunsLogs();

        assertThat(home.logFile("gateway")).doesNotExist();
        assertThat(home.logFile("kafka")).doesNotExist();
        assertThat(home.logsDir().resolve("gateway.log.1")).hasContent("second run");
        assertThat(home.logsDir().resolve("kafka.log.1")).hasContent("second run");
    }

    @Test
    void theLaunchersOwnLogIsLeftToItsAppender() throws IOException {
        StackHome home = new StackHome(repository).create();
        Files.writeString(home.logFile("launcher"), "open by the launcher\n");

        home.keepPreviousRunsLogs();

        assertThat(home.logFile("launcher")).hasContent("open by the launcher");
    }

    @Test
    void aFirstStartHasNoLogsToKeep() {
        StackHome home = new StackHome(repository);

        home.keepPreviousRunsLogs();

        assertThat(home.logsDir()).doesNotExist();
    }

    @Test
    void aPartsTempDirectoryStartsEmptyWhateverAKilledRunLeftInIt() throws IOException {
        StackHome home = new StackHome(repository).create();
        Path first = home.freshTempDir("intake-service");
        Files.createDirectories(first.resolve("tomcat.8081.123/work"));
        Files.writeString(first.resolve("tomcat.8081.123/work/session.ser"), "left by kill -9");
        Files.writeString(home.freshTempDir("routing-service").resolve("keep"), "another part's");

        Path again = home.freshTempDir("intake-service");

        assertThat(again).isEqualTo(first).isEmptyDirectory();
        assertThat(again).startsWith(home.dir());
        assertThat(home.dir().resolve("tmp/routing-service/keep")).hasContent("another part's");
    }
}
