package id.kotacerdas.localstack.sinks;

import java.time.Instant;
import java.util.List;

/** One received e-mail as the sinks view shows it. */
public record MailItem(String id, Instant receivedAt, String from, List<String> to, String subject, String text) {
}
