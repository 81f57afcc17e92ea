package id.kotacerdas.localstack.sinks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Received mail kept as .eml files (one per message, named by arrival time), so it survives restarts. */
public final class MailArchive {

    private static final Session PARSING_SESSION = Session.getInstance(new Properties());

    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    public MailArchive(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public synchronized Path store(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            Path file = dir.resolve(String.format("%d-%04d.eml", System.currentTimeMillis(), sequence.incrementAndGet() % 10000));
            Path partial = dir.resolve(file.getFileName() + ".part");
            Files.write(partial, raw.toByteArray());
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot archive a received mail in " + dir, e);
        }
    }

    /** Newest first, at most {@code limit}. */
    public List<MailItem> newestFirst(int limit) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .limit(limit)
                    .map(MailArchive::read)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static MailItem read(Path file) {
        String name = file.getFileName().toString();
        Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(name.substring(0, name.indexOf('-'))));
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(PARSING_SESSION, in);
            return new MailItem(name.replace(".eml", ""), receivedAt,
                    addresses(message.getFrom()).stream().findFirst().orElse(""),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject() == null ? "" : message.getSubject(),
                    text(message));
        } catch (IOException | MessagingException e) {
            return new MailItem(name, receivedAt, "", List.of(), "(unreadable: " + e.getMessage() + ")", "");
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** The first text/plain part, else the first text part, else empty. */
    static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (body.isMimeType("text/plain")) {
                    return text;
                }
                texts.add(text);
            }
            return texts.stream().filter(t -> !t.isEmpty()).findFirst().orElse("");
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        return "";
    }
}
