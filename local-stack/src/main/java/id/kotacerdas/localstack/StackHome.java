package id.kotacerdas.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its state: everything lives under {@code dir}, by default {@code <repo>/.smartcity};
 * tests give a directory of their own so they never touch a developer's stack.
 */
public record StackHome(Path repository, Path dir) {

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
