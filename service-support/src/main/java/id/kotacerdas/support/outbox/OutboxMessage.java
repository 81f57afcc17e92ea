package id.kotacerdas.support.outbox;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.EventJson;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting on its aggregate document to be published. It is written in the same document write
 * as the state change that caused it, so the two can never disagree.
 *
 * @param eventId     the CloudEvents id ({@code ce_id}), the consumers' idempotency key
 * @param type        the CloudEvents type
 * @param topic       where it goes
 * @param subject     the aggregate id: record key and {@code ce_subject}
 * @param time        when it happened
 * @param payload     the event as JSON
 * @param traceparent the W3C trace context of the request that caused it, if any
 */
public record OutboxMessage(String eventId, String type, String topic, String subject, Instant time, String payload,
                            String traceparent) {

    public static final String TRACEPARENT_MDC_KEY = "traceparent";

    public static OutboxMessage of(CityEvent event) {
        EventDescriptor<?> descriptor = EventCatalog.forEvent(event);
        return new OutboxMessage(UUID.randomUUID().toString(), descriptor.type(), descriptor.topic(), event.subject(),
                Instant.now(), EventJson.write(event), MDC.get(TRACEPARENT_MDC_KEY));
    }
}
