package id.kotacerdas.notification.bench;

import id.kotacerdas.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the outcome events the service published (the end offsets of {@code city.notifications.v1}), so that a
 * phase starts only once the previous one's receipts and events are done, and the run shows that none were lost.
 */
final class OutcomeEvents implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    OutcomeEvents(String brokers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(Topics.NOTIFICATIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    long published() {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits (up to five minutes) until at least {@code count} outcome events were published. */
    void awaitAtLeast(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long published;
        while ((published = published()) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + published + " of " + count + " outcome events were published");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
