package id.kotacerdas.smsc;

import java.time.Instant;
import java.util.List;

/** One e-mail the mail sink received, with its plain-text and HTML parts decoded. */
public record ReceivedMail(String from, List<String> to, String subject, String text, String html, Instant receivedAt) {
}
