package id.kotacerdas.notification.email;

import id.kotacerdas.notification.template.RenderedMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.mail.MailPreparationException;

/**
 * Writes an e-mail straight to its MIME bytes: a multipart/alternative with the plain text and the HTML, both
 * UTF-8 in base64, the subject as RFC 2047 encoded words when it is not plain ASCII. JavaMail's own MimeMessage and
 * MimeMultipart look their stream provider up through the class path (ServiceLoader) for every part, header block
 * and body they create, which made composing cost more than sending; this does the same job with a string builder.
 * Every value that reaches a header is checked or encoded, so no parameter can add a header.
 */
final class MimeComposer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
    /**
     * UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, 64 with {@code =?UTF-8?B?...?=}, so that even
     * the first line ({@code Subject: } and a word) stays within 78 characters.
     */
    private static final int WORD_BYTES = 39;

    private final InternetAddress from;
    private final String fromHeader;
    private final String messageIdDomain;
    private final Clock clock;

    MimeComposer(String from, Clock clock) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP_FROM is not an e-mail address: " + from, e);
        }
        this.fromHeader = this.from.toString();
        String address = this.from.getAddress();
        this.messageIdDomain = address.substring(address.indexOf('@') + 1);
        this.clock = clock;
    }

    InternetAddress from() {
        return from;
    }

    /**
     * @param to        the recipient's address (one address; a display name with it is left out)
     * @param requestId carried in {@code X-Kota-Cerdas-Request}
     * @throws MailPreparationException when {@code to} is not one valid address
     */
    ComposedEmail compose(String to, String requestId, RenderedMessage message) {
        InternetAddress recipient = recipient(to);
        String boundary = "=_kc_" + uniqueToken();
        StringBuilder mime = new StringBuilder(1024 + 2 * (message.text().length() + message.html().length()));
        header(mime, "Date", DATE.format(ZonedDateTime.now(clock)));
        header(mime, "From", fromHeader);
        header(mime, "To", recipient.getAddress());
        header(mime, "Message-ID", "<" + uniqueToken() + "@" + messageIdDomain + ">");
        header(mime, "Subject", encodedText(message.subject()));
        header(mime, "MIME-Version", "1.0");
        header(mime, "X-Kota-Cerdas-Request", encodedText(requestId));
        header(mime, "Content-Type", "multipart/alternative;\r\n boundary=\"" + boundary + "\"");
        mime.append("\r\n");
        part(mime, boundary, "text/plain", message.text());
        part(mime, boundary, "text/html", message.html());
        mime.append("--").append(boundary).append("--\r\n");
        return new ComposedEmail(recipient, mime.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** 128 random bits: unique enough for a boundary or a Message-ID, without a SecureRandom per message. */
    private static String uniqueToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private static InternetAddress recipient(String to) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(to == null ? "" : to.trim(), true);
            if (parsed.length != 1 || !plainAscii(parsed[0].getAddress())) {
                throw new MailPreparationException("not one e-mail address: " + to);
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new MailPreparationException("not a valid e-mail address", e);
        }
    }

    private static void header(StringBuilder mime, String name, String value) {
        mime.append(name).append(": ").append(value).append("\r\n");
    }

    private static void part(StringBuilder mime, String boundary, String type, String content) {
        mime.append("--").append(boundary).append("\r\n");
        header(mime, "Content-Type", type + "; charset=UTF-8");
        header(mime, "Content-Transfer-Encoding", "base64");
        mime.append("\r\n");
        mime.append(BODY.encodeToString(content.getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }

    /** The text as it is when it is short printable ASCII, else as folded RFC 2047 encoded words. */
    static String encodedText(String text) {
        String value = text == null ? "" : text;
        if (value.length() <= 900 && plainAscii(value) && !value.contains("=?")) {
            return value;
        }
        StringBuilder encoded = new StringBuilder();
        ByteArrayOutputStream word = new ByteArrayOutputStream(WORD_BYTES);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            if (word.size() + bytes.length > WORD_BYTES) {
                appendWord(encoded, word.toByteArray());
                word.reset();
            }
            word.writeBytes(bytes);
            i += Character.charCount(codePoint);
        }
        if (word.size() > 0 || encoded.isEmpty()) {
            appendWord(encoded, word.toByteArray());
        }
        return encoded.toString();
    }

    private static void appendWord(StringBuilder encoded, byte[] utf8) {
        if (!encoded.isEmpty()) {
            encoded.append("\r\n ");
        }
        encoded.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(utf8)).append("?=");
    }

    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** A composed e-mail: its one recipient and its bytes as they go over SMTP. */
    record ComposedEmail(InternetAddress recipient, byte[] content) {
    }
}
