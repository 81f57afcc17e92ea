package id.kotacerdas.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import id.kotacerdas.localstack.StackException;

/**
 * One part of the stack running as its own OS process: output goes to its log file, its pid to a pid file,
 * and its command line carries {@code -Dsmartcity.part=<name>} so a leftover from a crashed run can be
 * recognised safely (see {@link Leftovers}).
 */
public final class ChildProcess {

    public static final String PART_MARKER = "-Dsmartcity.part=";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with the part marker as the first JVM argument. */
    public static ChildProcess startJava(String name, List<String> jvmArgs, List<String> mainArgs,
                                         Map<String, String> extraEnv, Path workDir, Path logFile, Path pidFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // its own session: Ctrl-C reaches only the launcher, which then stops the parts in order
            command.add(SETSID.toString());
        }
        command.add(javaExecutable());
        command.add(PART_MARKER + name);
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(extraEnv);
        try {
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + name + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Waits up to the given time for the process to end by itself; true when it has. */
    public boolean awaitExit(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, as {@code kill -9} does: no shutdown hooks, no graceful stop (for fault tests). */
    public void kill() {
        process.destroyForcibly();
        awaitExit(10);
    }

    /** SIGTERM, a grace period for a clean shutdown, then SIGKILL. */
    public void stop(long graceSeconds) {
        stopProcess(process.toHandle(), graceSeconds);
        // the handle sees the exit first; this Process learns of it from its own reaper a moment later
        awaitExit(5);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised and cleaned on the next start
        }
    }

    static void stopProcess(ProcessHandle handle, long graceSeconds) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (Exception timedOut) {
            handle.destroyForcibly();
            try {
                // SIGKILL cannot be refused, but a loaded machine may take a while to reap a large JVM
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the kernel reaps it; nothing more we can do
            }
        }
    }

    /** Resident set size in KiB, read from /proc; empty once the process is gone or off Linux. */
    public OptionalLong rssKib() {
        return rssKib(process.pid());
    }

    public static OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The last lines of the log, for a failure message. */
    public String logTail(int lines) {
        return LogTail.of(logFile, lines);
    }
}
