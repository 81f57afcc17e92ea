package id.kotacerdas.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its state: everything lives under {@code dir}, by default {@code <repo>/.smartcity};
 * tests give a directory of their own so they never touch a developer's stack.
 */
public record StackHome(Path repository, Path dir) {

    /** Written by the launcher itself (see the smartcity script and log4j2.xml), not by a child process. */
    static final String LAUNCHER_LOG = "launcher.log";

    public StackHome {
        repository = repository.toAbsolutePath().normalize();
        dir = dir.toAbsolutePath().normalize();
    }

    public StackHome(Path repository) {
        this(repository, repository.toAbsolutePath().normalize().resolve(".smartcity"));
    }

    public Path kafkaDir() {
        return dir().resolve("kafka");
    }

    public Path mongoFile() {
        return dir().resolve("mongo").resolve("store.mv");
    }

    public Path mailDir() {
        return dir().resolve("mail");
    }

    public Path smsDir() {
        return dir().resolve("sms");
    }

    public Path logsDir() {
        return dir().resolve("logs");
    }

    public Path pidsDir() {
        return dir().resolve("pids");
    }

    public Path logFile(String part) {
        return logsDir().resolve(part + ".log");
    }

    /**
     * Moves each part's log of the run before to {@code <part>.log.1} (replacing the one before that), so logs
     * grow with one run, not with every run since the stack was first started. The launcher's own log rolls by
     * itself (log4j2.xml): it is open before this runs.
     */
    public void keepPreviousRunsLogs() {
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(logsDir(), "*.log")) {
            for (Path log : logs) {
                if (!log.getFileName().toString().equals(LAUNCHER_LOG)) {
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (NoSuchFileException noLogsYet) {
            // a first start
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the previous run's logs in " + logsDir(), e);
        }
    }

    /**
     * An empty directory for the part's temporary files ({@code java.io.tmpdir}): Tomcat's work and document-base
     * directories live there instead of {@code /tmp}, and what a killed part left behind is removed when it starts
     * again.
     */
    public Path freshTempDir(String part) {
        Path dir = dir().resolve("tmp").resolve(part);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> leftovers = Files.walk(dir)) {
                    for (Path path : leftovers.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(dir)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    public Path secretsFile() {
        return dir().resolve("secrets.env");
    }

    public Path demoKeysFile() {
        return dir().resolve("demo-keys.env");
    }

    public Path launcherPidFile() {
        return dir().resolve("smartcity.pid");
    }

    public StackHome create() {
        try {
            for (Path path : new Path[] {dir(), kafkaDir(), mongoFile().getParent(), mailDir(), smsDir(), logsDir(), pidsDir()}) {
                Files.createDirectories(path);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir(), e);
        }
    }
}
