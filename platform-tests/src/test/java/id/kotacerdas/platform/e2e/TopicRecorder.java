package id.kotacerdas.platform.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * Reads a topic of the running platform from its beginning, without a consumer group, and keeps every record:
 * what the fault suite counts. Survives a broker restart (the client reconnects by itself).
 */
final class TopicRecorder implements AutoCloseable {

    record Event(String id, String type, String key, JsonNode payload) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    TopicRecorder(String topic) {
        reader = new Thread(() -> read(topic), "record-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    private void read(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        events.add(new Event(header(record, "ce_id"), header(record, "ce_type"),
                                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                                RunningPlatform.JSON.readTree(record.value())));
                    }
                } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                    return;
                } catch (RuntimeException brokerAway) {
                    sleep();
                }
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Long> countBy(List<Event> events, java.util.function.Function<Event, String> key) {
        return events.stream().collect(java.util.stream.Collectors.groupingBy(key, java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
    }
}
