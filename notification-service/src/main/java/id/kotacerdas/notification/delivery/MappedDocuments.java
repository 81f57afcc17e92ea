package id.kotacerdas.notification.delivery;

import id.kotacerdas.support.outbox.OutboxMessage;
import id.kotacerdas.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import org.bson.Document;

/**
 * The stored form of new deliveries and of the values a {@link DeliveryChange} pushes, written the way Spring Data
 * maps them (a field per property, enums by name, {@code Instant} as a date, no null fields), so that deliveries read
 * back through Spring Data unchanged. Mapping by hand keeps the reflective converter off the per-message path;
 * a test holds the two mappings equal.
 */
final class MappedDocuments {

    private MappedDocuments() {
    }

    /** A new delivery as Spring Data would insert it (less the {@code _class} hint, which reading does not need). */
    static Document of(Delivery delivery) {
        Document document = new Document("_id", delivery.id());
        putIfPresent(document, "requestId", delivery.requestId());
        putIfPresent(document, "channel", delivery.channel());
        putIfPresent(document, "channels", delivery.channels() == null ? null
                : delivery.channels().stream().map(Enum::name).toList());
        putIfPresent(document, "template", delivery.template());
        putIfPresent(document, "locale", delivery.locale());
        putIfPresent(document, "parameters", delivery.parameters() == null ? null
                : new Document(new LinkedHashMap<String, Object>(delivery.parameters())));
        putIfPresent(document, "priority", delivery.priority());
        putIfPresent(document, "origin", delivery.origin());
        putIfPresent(document, "recipientName", delivery.recipientName());
        putIfPresent(document, "phone", delivery.phone());
        putIfPresent(document, "email", delivery.email());
        putIfPresent(document, "recipientKeys", delivery.recipientKeys());
        putIfPresent(document, "state", delivery.state());
        putIfPresent(document, "dueAt", delivery.dueAt());
        putIfPresent(document, "createdAt", delivery.createdAt());
        putIfPresent(document, "updatedAt", delivery.updatedAt());
        putIfPresent(document, "sendingSince", delivery.sendingSince());
        putIfPresent(document, "sendingBy", delivery.sendingBy());
        putIfPresent(document, "provider", delivery.provider());
        putIfPresent(document, "providerMessageIds", delivery.providerMessageIds());
        putIfPresent(document, "deliveredMessageIds", List.copyOf(delivery.deliveredMessageIds()));
        document.append("parts", delivery.parts());
        putIfPresent(document, "failureReason", delivery.failureReason());
        putIfPresent(document, "fellBackTo", delivery.fellBackTo());
        putIfPresent(document, "attempts", delivery.attempts().stream().map(MappedDocuments::of).toList());
        putIfPresent(document, "outbox", delivery.pendingEvents().stream().map(MappedDocuments::of).toList());
        if (!delivery.pendingEvents().isEmpty()) {
            document.append(OutboxRelay.PENDING, true);
        }
        return document;
    }

    static Document of(Attempt attempt) {
        Document document = new Document();
        putIfPresent(document, "at", attempt.at());
        putIfPresent(document, "provider", attempt.provider());
        putIfPresent(document, "outcome", attempt.outcome());
        putIfPresent(document, "detail", attempt.detail());
        return document;
    }

    /** Read by the outbox relay: eventId, type, topic, subject, time, payload, traceparent. */
    static Document of(OutboxMessage message) {
        Document document = new Document();
        putIfPresent(document, "eventId", message.eventId());
        putIfPresent(document, "type", message.type());
        putIfPresent(document, "topic", message.topic());
        putIfPresent(document, "subject", message.subject());
        putIfPresent(document, "time", message.time());
        putIfPresent(document, "payload", message.payload());
        putIfPresent(document, "traceparent", message.traceparent());
        return document;
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value instanceof Instant instant ? Date.from(instant)
                    : value instanceof Enum<?> constant ? constant.name() : value);
        }
    }
}
