package id.kotacerdas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.kotacerdas.localstack.infra.KafkaBroker;
import id.kotacerdas.localstack.infra.MongoStore;
import id.kotacerdas.localstack.process.PortGuard;

/** The launcher's infrastructure half end to end (no service jars here): start in order, report, stop. */
class LocalStackTest {

    @TempDir
    Path repository;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8));

    private Map<String, String> freePorts() {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTCITY_SERVICES", "none");
        for (String key : new String[] {"SMARTCITY_KAFKA_PORT", "SMARTCITY_KAFKA_CONTROLLER_PORT", "SMARTCITY_MONGO_PORT",
                "SMARTCITY_SMTP_PORT", "SMARTCITY_SMPP_PORT", "SMARTCITY_SINKS_PORT"}) {
            env.put(key, Integer.toString(FreePorts.next()));
        }
        env.put("SMARTCITY_KAFKA_HEAP", "256m");
        return env;
    }

    @Test
    void theInfrastructureStartsInOrderIsReadyAndStopsCleaningUpItsProcesses() throws Exception {
        Map<String, String> env = freePorts();
        env.put("SMARTCITY_LOG_MAX_MB", "1");
        StackSettings settings = StackSettings.from(env);
        StackHome home = new StackHome(repository).create();
        LocalStack stack = new LocalStack(home, settings, console);
        try {
            stack.start();

            assertThat(KafkaBroker.isReady("localhost:" + settings.kafkaPort(), Duration.ofSeconds(5))).isTrue();
            assertThat(MongoStore.accepts("127.0.0.1", settings.mongoPort())).isTrue();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + settings.sinksViewPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Kota Cerdas local sinks");
            assertThat(Files.readString(home.pidsDir().resolve("kafka.pid"))).isNotBlank();
            assertThat(home.secretsFile()).exists();
            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(printed).containsSubsequence("kafka", "mongo", "smtp", "smpp", "sinks-view", "kafka                  ready")
                    .contains("Started in").contains("resident memory of the whole stack");

            // a running part's log that grows past SMARTCITY_LOG_MAX_MB is copied aside and emptied
            Path kafkaLog = home.logFile("kafka");
            Files.writeString(kafkaLog, "x".repeat(1_100_000) + "\n", StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(kafkaLog.resolveSibling("kafka.log.1"))
                    && Files.size(kafkaLog) < 1_000_000);
            assertThat(Files.size(kafkaLog.resolveSibling("kafka.log.1"))).isGreaterThan(1_100_000);
        } finally {
            stack.stop();
        }
        assertThat(home.pidsDir().resolve("kafka.pid")).doesNotExist();
        assertThat(PortGuard.isFree(settings.kafkaPort())).isTrue();
        assertThat(PortGuard.isFree(settings.mongoPort())).isTrue();
        assertThat(PortGuard.isFree(settings.smppPort())).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("launcher               stopped");
    }

    @Test
    void aPortHeldByAnotherProgramStopsTheStartBeforeAnythingRunsAndNamesThePort() throws Exception {
        StackSettings settings = StackSettings.from(freePorts());
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", settings.smtpPort()));
            LocalStack stack = new LocalStack(new StackHome(repository).create(), settings, console);

            assertThatThrownBy(stack::start)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + settings.smtpPort() + " needed by the SMTP sink")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            stack.stop();
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("starting the KRaft broker");
        assertThat(PortGuard.isFree(settings.kafkaPort())).isTrue();
    }
}
