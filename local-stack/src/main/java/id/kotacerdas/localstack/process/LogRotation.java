package id.kotacerdas.localstack.process;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a part's log within bounds while the stack runs. A part writes its log through a descriptor opened for
 * appending (it outlives a launcher that dies), so it cannot be told to reopen the file; instead, as logrotate's
 * {@code copytruncate} does, a log grown past {@code maxBytes} is copied to {@code <log>.1} (older copies move on to
 * {@code .2} ... {@code .keep}, the oldest is dropped) and emptied, and the part's next line lands at its start. Lines
 * written between the copy and the truncation are lost: a few lines per rotation at most.
 */
public record LogRotation(long maxBytes, int keep) {

    public LogRotation {
        if (maxBytes < 1 || keep < 1) {
            throw new IllegalArgumentException("a log rotates past at least 1 byte and keeps at least 1 copy");
        }
    }

    /** @return true when the log was past the bound and has been rotated */
    public boolean rotateIfLarger(Path log) throws IOException {
        try {
            if (Files.size(log) <= maxBytes) {
                return false;
            }
        } catch (NoSuchFileException notYet) {
            return false;
        }
        Files.deleteIfExists(copy(log, keep));
        for (int older = keep - 1; older >= 1; older--) {
            if (Files.exists(copy(log, older))) {
                Files.move(copy(log, older), copy(log, older + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(log, copy(log, 1), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        return true;
    }

    private static Path copy(Path log, int generation) {
        return log.resolveSibling(log.getFileName() + "." + generation);
    }
}
