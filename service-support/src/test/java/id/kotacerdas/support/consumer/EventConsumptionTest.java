package id.kotacerdas.support.consumer;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static id.kotacerdas.testing.RecordedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
@Import(EventConsumptionTest.TestTopic.class)
class EventConsumptionTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    RecordingListener listener;
    @Autowired
    MongoTemplate mongo;
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
    }

    @Test
    void theSameRecordDeliveredTwiceIsAppliedOnce() throws Exception {
        EventEnvelope envelope = envelope(UUID.randomUUID().toString(), "once");
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();
        String marker = sendMarker();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(marker));
        assertThat(appliedIds().stream().filter(envelope.id()::equals)).hasSize(1);
    }

    @Test
    void anEventSeenBeforeIsSkippedEvenAfterARestart() {
        String eventId = UUID.randomUUID().toString();
        ProcessedEvents beforeRestart = new ProcessedEvents(mongo, Duration.ofDays(1), new SimpleMeterRegistry());
        var event = new id.kotacerdas.support.events.IncomingEvent(envelope(eventId, "x"), null);
        int[] applied = {0};
        beforeRestart.once("restart-test", event, e -> applied[0]++);

        ProcessedEvents afterRestart = new ProcessedEvents(mongo, Duration.ofDays(1), new SimpleMeterRegistry());
        afterRestart.once("restart-test", event, e -> applied[0]++);

        assertThat(applied[0]).isEqualTo(1);
        assertThat(afterRestart.wasProcessed("restart-test", eventId)).isTrue();
    }

    @Test
    void aTransientFailureIsRetriedAndThenApplied() throws Exception {
        EventEnvelope envelope = envelope(UUID.randomUUID().toString(), "fail 2 times");
        kafka.send(envelope.toRecord(RecordingListener.TOPIC)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedIds().contains(envelope.id()));
        assertThat(listener.attemptsFor(envelope.id())).isEqualTo(3);
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        try (RecordedTopics deadLetters = RecordedTopics.of(brokers, Topics.deadLetterOf(RecordingListener.TOPIC))) {
            String poisonId = UUID.randomUUID().toString();
            EventEnvelope valid = envelope(poisonId, "x");
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(RecordingListener.TOPIC, null, "key",
                    "{not json".getBytes(StandardCharsets.UTF_8), valid.toRecord(RecordingListener.TOPIC).headers());
            kafka.send(poison).get();
            EventEnvelope failsForever = envelope(UUID.randomUUID().toString(), "fail 1000 times");
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

    private String sendMarker() throws Exception {
        EventEnvelope marker = envelope(UUID.randomUUID().toString(), "marker");
        kafka.send(marker.toRecord(RecordingListener.TOPIC)).get();
        return marker.id();
    }

    private java.util.List<String> appliedIds() {
        return listener.applied.stream().map(e -> e.id()).toList();
    }

    private static EventEnvelope envelope(String eventId, String information) {
        ReportUpdated event = new ReportUpdated("report-1", information, Instant.now());
        return new EventEnvelope(eventId, "/test", ReportEvents.UPDATED.type(), "report-1", Instant.now(), null,
                EventJson.write(event));
    }
}
