package id.kotacerdas.support.consumer;

import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.testing.RecordedTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumers as services write them, one record at a time and a poll at a time, each on its own test topic. A
 * {@code ReportUpdated} whose text is {@code "fail N times"} fails its first N deliveries, to exercise retries and
 * dead-lettering.
 */
@Component
public class RecordingListener {

    static final String TOPIC = "test.consumer.v1";
    static final String BATCH_TOPIC = "test.consumer.batch.v1";

    private final EventReader events;
    private final ProcessedEvents processedEvents;
    final List<IncomingEvent> applied = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    RecordingListener(EventReader events, ProcessedEvents processedEvents) {
        this.events = events;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = TOPIC, groupId = "support-test-consumer")
    void on(ConsumerRecord<String, byte[]> record) {
        countDelivery(record);
        events.read(record).ifPresent(event -> processedEvents.once("support-test", event, this::apply));
    }

    @KafkaListener(topics = BATCH_TOPIC, groupId = "support-test-batch-consumer", batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(this::countDelivery);
        processedEvents.onceEach("support-test-batch", records, events, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.payload() instanceof ReportUpdated updated && updated.additionalInformation().startsWith("fail ")) {
            int failures = Integer.parseInt(updated.additionalInformation().split(" ")[1]);
            if (attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet() <= failures) {
                throw new IllegalStateException("transient failure " + attempts.get(event.id()).get());
            }
        }
        applied.add(event);
    }

    private void countDelivery(ConsumerRecord<String, byte[]> record) {
        String eventId = RecordedTopics.header(record, "ce_id");
        if (eventId != null) {
            deliveries.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** How often the record of this event reached the listener, whether or not the store could be read. */
    int deliveriesOf(String eventId) {
        return deliveries.getOrDefault(eventId, new AtomicInteger()).get();
    }

    int attemptsFor(String eventId) {
        return attempts.getOrDefault(eventId, new AtomicInteger()).get();
    }
}
