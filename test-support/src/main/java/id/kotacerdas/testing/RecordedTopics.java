package id.kotacerdas.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records everything published on some topics, from the beginning, so a test can wait for and inspect
 * the events a service produced. Close it at the end of the test.
 */
public final class RecordedTopics implements AutoCloseable {

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;

    private RecordedTopics(String bootstrapServers, List<String> topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        poller = new Thread(() -> {
            try (consumer) {
                while (open) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
        }, "recorded-topics");
        poller.setDaemon(true);
        poller.start();
    }

    public static RecordedTopics of(String bootstrapServers, String... topics) {
        return new RecordedTopics(bootstrapServers, List.of(topics));
    }

    public List<ConsumerRecord<String, byte[]>> all() {
        return new ArrayList<>(records);
    }

    public List<ConsumerRecord<String, byte[]>> ofType(String ceType) {
        return records.stream().filter(r -> ceType.equals(header(r, "ce_type"))).toList();
    }

    /** Waits until a record matching {@code condition} arrived and returns it. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (condition.test(record)) {
                    return record;
                }
            }
            sleep();
        }
        throw new AssertionError("No matching record within " + timeout + "; saw " + records.size() + " records: "
                + records.stream().map(r -> r.topic() + "/" + header(r, "ce_type")).toList());
    }

    public ConsumerRecord<String, byte[]> awaitType(String ceType, Predicate<String> payloadCondition, Duration timeout) {
        return await(r -> ceType.equals(header(r, "ce_type")) && payloadCondition.test(value(r)), timeout);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        poller.join(5000);
    }
}
