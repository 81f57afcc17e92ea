package id.kotacerdas.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void aPartLeftRunningByACrashedLauncherIsFoundAndStoppedButForeignAndDeadPidsAreNot() throws Exception {
        Path pids = Files.createDirectories(dir.resolve("pids"));
        ChildProcess orphan = ChildProcess.startJava("routing-service",
                List.of("-cp", System.getProperty("java.class.path"), "-Xmx32m"), List.of(Sleeper.class.getName()),
                Map.of(), dir, dir.resolve("routing-service.log"), pids.resolve("routing-service.pid"));
        // this test JVM is alive but is not the part its pid file claims: a reused pid must not be killed
        Files.writeString(pids.resolve("gateway.pid"), Long.toString(ProcessHandle.current().pid()));
        Files.writeString(pids.resolve("kafka.pid"), "999999999");
        try {
            List<Leftovers.Leftover> found = Leftovers.find(pids);

            assertThat(found).containsExactly(new Leftovers.Leftover("routing-service", orphan.pid()));
            assertThat(pids.resolve("gateway.pid")).doesNotExist();
            assertThat(pids.resolve("kafka.pid")).doesNotExist();

            Leftovers.stop(found.get(0), 10, pids);
            // the handle saw the exit; our Process object learns of it from its own reaper a moment later
            assertThat(orphan.awaitExit(5)).as("the orphan has ended").isTrue();
            assertThat(pids.resolve("routing-service.pid")).doesNotExist();
        } finally {
            orphan.stop(5);
        }
    }
}
