package id.kotacerdas.localstack.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parts left running by an earlier launcher that died without cleaning up (kill -9, a crash). A pid file
 * alone proves nothing (pids are reused), so a process counts as ours only if its command line carries
 * the part marker for the same name.
 */
public final class Leftovers {

    private Leftovers() {
    }

    public record Leftover(String name, long pid) {
    }

    public static List<Leftover> find(Path pidsDir) {
        List<Leftover> found = new ArrayList<>();
        if (!Files.isDirectory(pidsDir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidsDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                readPid(file).filter(pid -> isOurPart(pid, name)).ifPresent(pid -> found.add(new Leftover(name, pid)));
                if (found.stream().noneMatch(l -> l.name().equals(name))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    public static void stop(Leftover leftover, long graceSeconds, Path pidsDir) {
        ProcessHandle.of(leftover.pid()).ifPresent(handle -> ChildProcess.stopProcess(handle, graceSeconds));
        try {
            Files.deleteIfExists(pidsDir.resolve(leftover.name() + ".pid"));
        } catch (IOException ignored) {
            // harmless: the next start checks the process again
        }
    }

    static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isOurPart(long pid, String name) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(handle -> commandLine(pid).contains(ChildProcess.PART_MARKER + name + "\0")
                        || commandLine(pid).contains(ChildProcess.PART_MARKER + name + " "))
                .orElse(false);
    }

    /** The NUL-separated command line from /proc (complete, unlike ProcessHandle.Info on Linux). */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).map(c -> c + " ").orElse("");
        }
    }
}
