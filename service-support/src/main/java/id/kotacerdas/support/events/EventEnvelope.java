package id.kotacerdas.support.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One event as it travels: CloudEvents attributes in headers, the event JSON as the value. */
public record EventEnvelope(String id, String source, String type, String subject, Instant time,
                            String traceparent, String payload) {

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        Headers headers = new RecordHeaders();
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TYPE, type);
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.TIME, time.toString());
        put(headers, CloudEventHeaders.SUBJECT, subject);
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            put(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(topic, null, subject, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** @throws InvalidEventException when a required CloudEvents attribute is missing or malformed */
    public static EventEnvelope from(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        Instant time;
        try {
            String header = text(headers, CloudEventHeaders.TIME);
            time = header == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(header);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 time", e);
        }
        if (record.value() == null) {
            throw new InvalidEventException("event " + id + " has no payload");
        }
        String subject = text(headers, CloudEventHeaders.SUBJECT);
        return new EventEnvelope(id, source, type, subject == null ? record.key() : subject, time,
                text(headers, CloudEventHeaders.TRACEPARENT), new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
