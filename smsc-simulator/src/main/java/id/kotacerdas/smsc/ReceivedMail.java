package id.kotacerdas.smsc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One e-mail the mail sink received, with its plain-text and HTML parts decoded.
 *
 * @param from        the first {@code From} address
 * @param to          every {@code To}, {@code Cc} and {@code Bcc} header address
 * @param subject     the decoded subject
 * @param text        the first {@code text/plain} part, or null
 * @param html        the first {@code text/html} part, or null
 * @param receivedAt  when the sink accepted it
 * @param headers     every header as received (unfolded, not decoded), by name in message order,
 *                    including the {@code Received} and {@code Return-Path} lines the SMTP server added
 */
public record ReceivedMail(String from, List<String> to, String subject, String text, String html, Instant receivedAt,
                           Map<String, List<String>> headers) {

    public ReceivedMail {
        headers = headers == null ? Map.of() : headers;
    }

    public ReceivedMail(String from, List<String> to, String subject, String text, String html, Instant receivedAt) {
        this(from, to, subject, text, html, receivedAt, Map.of());
    }

    /** The first value of a header (name compared ignoring case), or null when the message has none. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
