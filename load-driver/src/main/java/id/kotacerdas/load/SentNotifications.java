package id.kotacerdas.load;

import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationSent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code NotificationSent} events of one load run's requests, as read from the notifications topic: which
 * requests got their message sent, on which channel, and how long after the request was published the provider took
 * it (the event's {@code sentAt}). Delivery is at least once, so a repeated event of a request counts once.
 */
final class SentNotifications {

    private final String requestIdPrefix;
    private final Map<String, Instant> publishedAt = new HashMap<>();
    private final Set<String> sms = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final Latencies requestToSent = new Latencies();

    SentNotifications(String requestIdPrefix) {
        this.requestIdPrefix = requestIdPrefix;
    }

    void published(String requestId, Instant at) {
        publishedAt.put(requestId, at);
    }

    /** Takes one record of the notifications topic; true when it was a first {@code NotificationSent} of this run. */
    boolean take(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (record.key() == null || !record.key().startsWith(requestIdPrefix) || type == null
                || !NotificationEvents.SENT.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return false;
        }
        NotificationSent sent = EventJson.read(new String(record.value(), StandardCharsets.UTF_8), NotificationSent.class);
        Set<String> channel = sent.channel() == Channel.SMS ? sms : emails;
        if (!channel.add(record.key())) {
            return false;
        }
        Instant published = publishedAt.get(record.key());
        if (published != null) {
            requestToSent.add(Duration.between(published, sent.sentAt()).toNanos() / 1000);
        }
        return true;
    }

    int sms() {
        return sms.size();
    }

    int emails() {
        return emails.size();
    }

    int total() {
        return sms.size() + emails.size();
    }

    /** From the request's publication to the provider's acceptance of its message. */
    Latencies requestToSent() {
        return requestToSent;
    }
}
