package id.kotacerdas.smsc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that accepts every message and keeps it, for the local stack
 * and tests that want the same "newest first" view as {@link SmscSimulator}.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts an SMTP server on {@code host:port} (port 0 is not supported by GreenMail: pick one). */
    public static MailSink start(String host, int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailSink(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received, newest first. */
    public List<ReceivedMail> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(MailSink::toReceivedMail)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
                .toList();
    }

    /** How many messages were received, without decoding them. */
    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    public void clear() {
        greenMail.reset();
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    static ReceivedMail toReceivedMail(MimeMessage message) {
        try {
            Parts parts = new Parts();
            collect(message, parts);
            Address[] from = message.getFrom();
            Address[] to = message.getAllRecipients();
            Instant at = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            return new ReceivedMail(from == null || from.length == 0 ? "" : from[0].toString(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(), parts.text, parts.html, at);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message in mail sink", e);
        }
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts.text == null) {
            parts.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts.html == null) {
            parts.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }

    private static final class Parts {
        private String text;
        private String html;
    }
}
