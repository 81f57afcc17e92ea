package id.kotacerdas.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds out, before anything starts, whether a port is free, and if not, which process holds it. */
public final class PortGuard {

    private PortGuard() {
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // reuse-address so a socket in TIME_WAIT from our own last run does not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A human description of who listens on the port, e.g. {@code pid 4711 (java -jar gateway.jar)}. */
    public static String describeHolder(int port) {
        return listeningInode(port)
                .flatMap(PortGuard::pidOwningSocket)
                .map(pid -> "pid " + pid + " (" + shorten(Leftovers.commandLine(pid).replace('\0', ' ').replaceAll("\\s+", " ").trim()) + ")")
                .orElse("another process (not visible to this user)");
    }

    /** A one-line message for a port conflict, naming the part that needs the port and the holder. */
    public static String conflictMessage(String part, int port) {
        return String.format(Locale.ROOT,
                "port %d needed by %s is already in use by %s. Stop that process, or point the stack at it "
                        + "through the environment (see local-stack/README.md).", port, part, describeHolder(port));
    }

    static Optional<String> listeningInode(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] cols = line.trim().split("\\s+");
                    // columns: sl local_address rem_address st ... inode is column 9; st 0A = LISTEN
                    if (cols.length > 9 && cols[1].endsWith(":" + hexPort) && "0A".equals(cols[3])) {
                        return Optional.of(cols[9]);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux, or no access: fall back to the generic description
            }
        }
        return Optional.empty();
    }

    static Optional<Long> pidOwningSocket(String inode) {
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (target.equals(Files.readSymbolicLink(fd).toString())) {
                                return Optional.of(Long.parseLong(proc.getFileName().toString()));
                            }
                        } catch (IOException ignored) {
                            // the fd closed while we looked
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // another user's process
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String shorten(String commandLine) {
        return commandLine.length() <= 120 ? commandLine : commandLine.substring(0, 117) + "...";
    }
}
