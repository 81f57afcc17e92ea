package id.kotacerdas.support.consumer;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.support.events.InvalidEventException;
import id.kotacerdas.testing.Polls;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
import id.kotacerdas.store.EmbeddedStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static id.kotacerdas.testing.RecordedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ServiceTest
@Import(EventConsumptionTest.TestTopic.class)
// an unreachable store fails a call within 0.3 s, so an outage of a few seconds outlasts the bounded retries
@TestPropertySource(properties = "kotacerdas.mongodb.server-selection-timeout=PT0.3S")
class EventConsumptionTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    RecordingListener listener;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventReader reader;
    @Autowired
    EmbeddedStore store;
    @Value("${kotacerdas.consumer.attempts:4}")
    int boundedAttempts;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @TestConfiguration
    static class TestTopic {
        @Bean
        NewTopic testConsumerTopic() {
            return TopicBuilder.name(RecordingListener.TOPIC).partitions(1).build();
        }

        @Bean
        NewTopic testConsumerDeadLetterTopic() {
            return TopicBuilder.name(Topics.deadLetterOf(RecordingListener.TOPIC)).partitions(1).build();
        }

        @Bean
        NewTopic testBatchConsumerTopic() {
            return TopicBuilder.name(RecordingListener.BATCH_TOPIC).partitions(1).build();
        }

        @Bean
        NewTopic testBatchConsumerDeadLetterTopic() {
            return TopicBuilder.name(Topics.deadLetterOf(RecordingListener.BATCH_TOPIC)).partitions(1).build();
        }
    }

    @Test
    void theSameRecordDeliveredTwiceIsAppliedOnce() throws Exception {
        EventEnvelope envelope = event("once");
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();
        String marker = sendMarker();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(marker));
        assertThat(appliedIds().stream().filter(envelope.id()::equals)).hasSize(1);
    }

    @Test
    void anEventSeenBeforeIsSkippedEvenAfterARestart() {
        String eventId = UUID.randomUUID().toString();
        ProcessedEvents beforeRestart = processedEvents();
        var event = new id.kotacerdas.support.events.IncomingEvent(envelope(eventId, "x"), null);
        int[] applied = {0};
        beforeRestart.once("restart-test", event, e -> applied[0]++);

        ProcessedEvents afterRestart = processedEvents();
        afterRestart.once("restart-test", event, e -> applied[0]++);

        assertThat(applied[0]).isEqualTo(1);
        assertThat(afterRestart.wasProcessed("restart-test", eventId)).isTrue();
    }

    @Test
    void aTransientFailureIsRetriedAndThenApplied() throws Exception {
        EventEnvelope envelope = event("fail 2 times");
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(envelope.id()));
        assertThat(listener.attemptsFor(envelope.id())).isEqualTo(3);
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        try (RecordedTopics deadLetters = RecordedTopics.of(brokers, Topics.deadLetterOf(RecordingListener.TOPIC))) {
            String poisonId = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> poison = poison(RecordingListener.TOPIC, poisonId);
            kafka.send(poison).get();
            EventEnvelope failsForever = event("fail 1000 times");
            kafka.send(failsForever.toRecord(RecordingListener.TOPIC)).get();
            String marker = sendMarker();

            await().atMost(Duration.ofSeconds(60)).until(() -> appliedIds().contains(marker));
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> poisonId.equals(header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith("InvalidEventException");
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("not valid");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(RecordingListener.TOPIC);
            assertThat(listener.attemptsFor(poisonId)).as("invalid records are not retried").isZero();

            ConsumerRecord<String, byte[]> exhausted = deadLetters.await(
                    r -> failsForever.id().equals(header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(header(exhausted, "kafka_dlt-exception-message")).contains("transient failure");
            assertThat(listener.attemptsFor(failsForever.id())).isEqualTo(4);
        }
    }

    @Test
    void aBatchAppliesEachEventOnceInOrderThoughItHoldsOneOfThemTwice() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope first = event("a");
        EventEnvelope second = event("b");
        EventEnvelope third = event("c");
        List<String> applied = new ArrayList<>();

        processed.onceEach("batch-test", consumed(first, second, first, third), reader, e -> applied.add(e.id()));

        assertThat(applied).containsExactly(first.id(), second.id(), third.id());
        assertThat(List.of(first, second, third)).allMatch(e -> processed.wasProcessed("batch-test", e.id()));
    }

    @Test
    void aHandlerThatRemembersItsEventsGetsAPollsEventsOnceInOrderAndNothingIsLoggedForIt() {
        EventEnvelope first = event("a");
        EventEnvelope second = event("b");
        EventEnvelope failing = event("c");
        HoldingBack rememberingItself = new HoldingBack(failing.id());

        assertThatThrownBy(() -> EventBatches.applyEach(consumed(first, second, first, failing), reader,
                rememberingItself))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(3));

        assertThat(rememberingItself.written).containsExactly(first.id(), second.id());
        assertThat(mongo.getCollection(ProcessedEvents.COLLECTION).countDocuments(new org.bson.Document("_id",
                new org.bson.Document("$regex", "(" + first.id() + "|" + second.id() + ")$")))).isZero();
    }

    @Test
    void aBatchSkipsTheEventsAnEarlierBatchApplied() {
        EventEnvelope earlier = event("a");
        EventEnvelope later = event("b");
        processedEvents()
                .onceEach("batch-test", consumed(earlier), reader, e -> { });
        List<String> applied = new ArrayList<>();

        processedEvents()
                .onceEach("batch-test", consumed(earlier, later), reader, e -> applied.add(e.id()));

        assertThat(applied).containsExactly(later.id());
    }

    @Test
    void theHandlerIsPreparedOnceWithOnlyTheNewEventsBeforeTheFirstIsApplied() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope earlier = event("a");
        EventEnvelope first = event("b");
        EventEnvelope second = event("c");
        processed.onceEach("batch-test", consumed(earlier), reader, e -> { });
        List<String> steps = new ArrayList<>();

        processed.onceEach("batch-test", consumed(earlier, first, second, first), reader, new EventBatchHandler() {
            @Override
            public void prepare(List<IncomingEvent> events) {
                steps.add("prepare " + events.stream().map(IncomingEvent::id).toList());
            }

            @Override
            public void apply(IncomingEvent event) {
                steps.add("apply " + event.id());
            }
        });

        assertThat(steps).containsExactly("prepare " + List.of(first.id(), second.id()), "apply " + first.id(),
                "apply " + second.id());
    }

    @Test
    void aFailedPreparationAppliesAndRecordsNothingAndReportsTheBatchFromItsFirstRecord() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope event = event("a");
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> processed.onceEach("batch-test", consumed(event), reader, new EventBatchHandler() {
            @Override
            public void prepare(List<IncomingEvent> events) {
                throw new IllegalStateException("store unavailable");
            }

            @Override
            public void apply(IncomingEvent e) {
                applied.add(e.id());
            }
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
                .hasMessageContaining("store unavailable");

        assertThat(applied).isEmpty();
        assertThat(processed.wasProcessed("batch-test", event.id())).isFalse();
    }

    @Test
    void aFailingHandlerIsReportedByItsRecordIndexOnceTheEventsBeforeItAreRecorded() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope before = event("a");
        EventEnvelope failing = event("b");
        EventEnvelope after = event("c");
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> processed.onceEach("batch-test", consumed(before, failing, after), reader, e -> {
            if (e.id().equals(failing.id())) {
                throw new IllegalStateException("store unavailable");
            }
            applied.add(e.id());
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("store unavailable");

        assertThat(applied).containsExactly(before.id());
        assertThat(processed.wasProcessed("batch-test", before.id())).isTrue();
        assertThat(processed.wasProcessed("batch-test", failing.id())).isFalse();
        assertThat(processed.wasProcessed("batch-test", after.id())).isFalse();
    }

    @Test
    void anUnreadableRecordIsReportedByItsIndexOnceTheEventsBeforeItAreApplied() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope before = event("a");
        EventEnvelope after = event("c");
        ProducerRecord<String, byte[]> unreadable = poison(RecordingListener.BATCH_TOPIC, UUID.randomUUID().toString());
        List<ConsumerRecord<String, byte[]>> records = Polls.of(before.toRecord(RecordingListener.BATCH_TOPIC),
                unreadable, after.toRecord(RecordingListener.BATCH_TOPIC));
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> processed.onceEach("batch-test", records, reader, e -> applied.add(e.id())))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(InvalidEventException.class);

        assertThat(applied).containsExactly(before.id());
        assertThat(processed.wasProcessed("batch-test", before.id())).isTrue();
    }

    @Test
    void writesAHandlerHeldBackAreMadeBeforeTheEventsAreRecordedAndBeforeAFailureIsReported() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope first = event("a");
        EventEnvelope second = event("b");
        EventEnvelope failing = event("c");
        List<Boolean> recordedWhenWritten = new ArrayList<>();
        HoldingBack holdingBack = new HoldingBack(failing.id()) {
            @Override
            void beforeWriting(List<String> ids) {
                ids.forEach(id -> recordedWhenWritten.add(processed.wasProcessed("batch-test", id)));
            }
        };

        assertThatThrownBy(() -> processed.onceEach("batch-test", consumed(first, second, failing), reader, holdingBack))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));

        assertThat(holdingBack.written).containsExactly(first.id(), second.id());
        assertThat(recordedWhenWritten).containsOnly(false);
        assertThat(processed.wasProcessed("batch-test", first.id())).isTrue();
        assertThat(processed.wasProcessed("batch-test", second.id())).isTrue();
    }

    @Test
    void aFailedFlushRecordsNothingAndReportsTheBatchFromItsFirstRecord() {
        ProcessedEvents processed = processedEvents();
        EventEnvelope first = event("a");
        EventEnvelope second = event("b");
        EventBatchHandler failingToWrite = new EventBatchHandler() {
            @Override
            public void apply(IncomingEvent event) {
            }

            @Override
            public void flush() {
                throw new IllegalStateException("store unavailable");
            }
        };

        assertThatThrownBy(() -> processed.onceEach("batch-test", consumed(first, second), reader, failingToWrite))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
                .hasMessageContaining("store unavailable");

        assertThat(processed.wasProcessed("batch-test", first.id())).isFalse();
        assertThat(processed.wasProcessed("batch-test", second.id())).isFalse();
    }

    @Test
    void aBatchListenerRetriesAFailingRecordWithoutApplyingTheOnesBeforeItAgain() throws Exception {
        EventEnvelope before = event("before");
        EventEnvelope failing = event("fail 2 times");
        EventEnvelope after = event("after");
        for (EventEnvelope envelope : List.of(before, failing, after)) {
            kafka.send(envelope.toRecord(RecordingListener.BATCH_TOPIC));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(after.id()));
        assertThat(listener.attemptsFor(failing.id())).isEqualTo(3);
        assertThat(appliedIds().stream().filter(id -> id.equals(before.id()) || id.equals(failing.id())
                || id.equals(after.id()))).containsExactly(before.id(), failing.id(), after.id());
    }

    @Test
    void eventsArrivingWhileTheStoreIsDownAreRetriedPastTheBoundedAttemptsAndAppliedOnceWhenItIsBack()
            throws Exception {
        try (RecordedTopics deadLetters = RecordedTopics.of(brokers, Topics.deadLetterOf(RecordingListener.TOPIC),
                Topics.deadLetterOf(RecordingListener.BATCH_TOPIC))) {
            EventEnvelope oneAtATime = event("sent during a store outage");
            EventEnvelope inABatch = event("sent during a store outage");
            store.interrupt();
            try {
                kafka.send(oneAtATime.toRecord(RecordingListener.TOPIC)).get();
                kafka.send(inABatch.toRecord(RecordingListener.BATCH_TOPIC)).get();
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        listener.deliveriesOf(oneAtATime.id()) > boundedAttempts
                                && listener.deliveriesOf(inABatch.id()) > boundedAttempts);
            } finally {
                store.resume();
            }

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    appliedIds().containsAll(List.of(oneAtATime.id(), inABatch.id())));
            String marker = sendMarker();
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(marker));
            assertThat(appliedIds().stream().filter(id -> id.equals(oneAtATime.id()) || id.equals(inABatch.id())))
                    .hasSize(2);
            assertThat(deadLetters.all()).extracting(r -> header(r, "ce_id"))
                    .doesNotContain(oneAtATime.id(), inABatch.id());
        }
    }

    @Test
    void aBatchListenerDeadLettersAPoisonRecordWithoutRetryingItAndMovesOn() throws Exception {
        try (RecordedTopics deadLetters = RecordedTopics.of(brokers, Topics.deadLetterOf(RecordingListener.BATCH_TOPIC))) {
            String poisonId = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> poison = poison(RecordingListener.BATCH_TOPIC, poisonId);
            kafka.send(poison).get();
            EventEnvelope marker = event("marker");
            kafka.send(marker.toRecord(RecordingListener.BATCH_TOPIC)).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> appliedIds().contains(marker.id()));
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> poisonId.equals(header(r, "ce_id")),
                    Duration.ofSeconds(30));
            // the listener reports the record's index; the reason is the cause the error handler classifies by
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith("BatchListenerFailedException");
            assertThat(header(dead, "kafka_dlt-exception-stacktrace")).contains("Caused by: "
                    + InvalidEventException.class.getName());
            assertThat(listener.attemptsFor(poisonId)).isZero();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consumed(EventEnvelope... envelopes) {
        return Polls.of(Stream.of(envelopes).map(envelope -> envelope.toRecord(RecordingListener.BATCH_TOPIC)).toList());
    }

    private String sendMarker() throws Exception {
        EventEnvelope marker = event("marker");
        kafka.send(marker.toRecord(RecordingListener.TOPIC)).get();
        return marker.id();
    }

    private java.util.List<String> appliedIds() {
        return listener.applied.stream().map(e -> e.id()).toList();
    }

    private ProcessedEvents processedEvents() {
        return new ProcessedEvents(mongo, Duration.ofDays(1), new SimpleMeterRegistry());
    }

    /** An event with a fresh id. */
    private static EventEnvelope event(String information) {
        return envelope(UUID.randomUUID().toString(), information);
    }

    /** A record with a valid event's headers and a body that is not JSON. */
    private static ProducerRecord<String, byte[]> poison(String topic, String eventId) {
        return new ProducerRecord<>(topic, null, "key", "{not json".getBytes(StandardCharsets.UTF_8),
                envelope(eventId, "x").toRecord(topic).headers());
    }

    private static EventEnvelope envelope(String eventId, String information) {
        ReportUpdated event = new ReportUpdated("report-1", information, Instant.now());
        return new EventEnvelope(eventId, "/test", ReportEvents.UPDATED.type(), "report-1", Instant.now(), null,
                EventJson.write(event));
    }

    /** Holds the events it applies back until it is flushed, and fails on one of them. */
    private static class HoldingBack implements EventBatchHandler {

        final List<String> written = new ArrayList<>();
        private final List<String> held = new ArrayList<>();
        private final String failingId;

        HoldingBack(String failingId) {
            this.failingId = failingId;
        }

        @Override
        public void apply(IncomingEvent event) {
            if (event.id().equals(failingId)) {
                throw new IllegalStateException("no agency");
            }
            held.add(event.id());
        }

        @Override
        public void flush() {
            beforeWriting(held);
            written.addAll(held);
            held.clear();
        }

        void beforeWriting(List<String> ids) {
        }
    }
}
