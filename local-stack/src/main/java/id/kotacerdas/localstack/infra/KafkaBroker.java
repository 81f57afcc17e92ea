package id.kotacerdas.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import id.kotacerdas.localstack.StackException;
import id.kotacerdas.localstack.process.ChildProcess;
import id.kotacerdas.localstack.process.LogTail;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, replication factor 1) run as its own
 * JVM from the jars on {@code classPath}. Storage is formatted once; the cluster id is kept beside it.
 */
public final class KafkaBroker {

    public static final String PART = "kafka";

    /**
     * @param extraJvmOptions appended to the broker's small-footprint options, so they win over them; one that
     *                        chooses a collector replaces the serial one (the JVM refuses two)
     */
    public record Settings(Path dataDir, int port, int controllerPort, String classPath, String heap,
                           List<String> extraJvmOptions) {

        public Settings {
            extraJvmOptions = List.copyOf(extraJvmOptions);
        }
    }

    private final Settings settings;

    public KafkaBroker(Settings settings) {
        this.settings = settings;
    }

    public String bootstrapServers() {
        return "localhost:" + settings.port();
    }

    public ChildProcess start(Path logFile, Path pidFile) {
        Path config = writeConfiguration();
        formatStorageOnce(config, logFile);
        return ChildProcess.startJava(PART, jvmArgs(), List.of("kafka.Kafka", config.toString()), Map.of(),
                settings.dataDir(), logFile, pidFile);
    }

    Path writeConfiguration() {
        try {
            Files.createDirectories(settings.dataDir());
            Path log4j = settings.dataDir().resolve("log4j2.properties");
            Files.writeString(log4j, """
                    status = warn
                    appender.console.type = Console
                    appender.console.name = STDOUT
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.apache.name = org.apache.kafka
                    logger.apache.level = WARN
                    logger.started.name = kafka.server.KafkaRaftServer
                    logger.started.level = INFO
                    """, StandardCharsets.UTF_8);
            Properties properties = new Properties();
            properties.putAll(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("controller.quorum.voters", "1@localhost:" + settings.controllerPort()),
                    Map.entry("listeners", "PLAINTEXT://localhost:" + settings.port() + ",CONTROLLER://localhost:" + settings.controllerPort()),
                    Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + settings.port()),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                    Map.entry("log.dirs", settings.dataDir().resolve("data").toString()),
                    Map.entry("num.partitions", "12"),
                    Map.entry("default.replication.factor", "1"),
                    Map.entry("min.insync.replicas", "1"),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "12"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("transaction.state.log.num.partitions", "4"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.min.isr", "1"),
                    Map.entry("auto.create.topics.enable", "true"),
                    // consumers of a freshly started stack should not wait 3 s for a rebalance that never comes
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry("num.network.threads", "2"),
                    Map.entry("num.io.threads", "4"),
                    Map.entry("log.retention.hours", "168")));
            Path config = settings.dataDir().resolve("server.properties");
            try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by ./smartcity up; edits are overwritten");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatStorageOnce(Path config, Path logFile) {
        Path dataDir = settings.dataDir().resolve("data");
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = clusterId();
        ChildProcess format = ChildProcess.startJava(PART + "-format", List.of("-cp", settings.classPath(), "-Xmx128m",
                        "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + settings.dataDir().resolve("log4j2.properties")),
                List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"),
                Map.of(), settings.dataDir(), logFile, settings.dataDir().resolve("format.pid"));
        // the Process itself, not its ProcessHandle: exitValue() is only known once Process has seen the exit
        if (!format.awaitExit(60)) {
            format.stop(1);
            throw new StackException("formatting Kafka storage did not finish within 60 s");
        }
        if (format.exitValue() != 0) {
            throw new StackException("formatting Kafka storage failed:\n" + LogTail.of(logFile, 20));
        }
    }

    private String clusterId() {
        Path file = settings.dataDir().resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-cp", settings.classPath(),
                "-Xmx" + settings.heap(), "-Xms64m", "-Xss512k"));
        if (settings.extraJvmOptions().stream().noneMatch(KafkaBroker::choosesCollector)) {
            args.add("-XX:+UseSerialGC");
        }
        args.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + settings.dataDir().resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + settings.dataDir().resolve("logs")));
        args.addAll(settings.extraJvmOptions());
        return args;
    }

    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** True once the broker answers a cluster description: it has a controller and accepts clients. */
    public static boolean isReady(String bootstrapServers, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            return cluster.controller().get(timeout.toMillis(), TimeUnit.MILLISECONDS) != null
                    && !cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }
}
