package id.kotacerdas.load;

import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.assignment.AssignmentEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Watches city.assignments.v1 from now on and times each expected report from submit to ReportRouted. */
final class RoutedWatcher implements AutoCloseable {

    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> routedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> routings = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final Thread poller;
    private volatile boolean open = true;

    RoutedWatcher(String bootstrap) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSIGNMENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(() -> {
            try (consumer) {
                while (open) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        onRecord(record);
                    }
                }
            }
        }, "routed-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    void expect(String trackingNumber, long submittedNanos) {
        submittedAt.put(trackingNumber, submittedNanos);
        Long routed = routedAt.get(trackingNumber);
        if (routed != null) {
            latencies.add((routed - submittedNanos) / 1000);
        }
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !AssignmentEvents.ROUTED.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        long now = System.nanoTime();
        String trackingNumber = EventJson.MAPPER.readTree(record.value()).path("trackingNumber").asString();
        routings.merge(trackingNumber, 1, Integer::sum);
        routedAt.putIfAbsent(trackingNumber, now);
        Long submitted = submittedAt.get(trackingNumber);
        if (submitted != null && routings.get(trackingNumber) == 1) {
            latencies.add((now - submitted) / 1000);
        }
    }

    /** Waits until every expected report was routed, or the timeout passed. */
    void awaitAll(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && !routedAt.keySet().containsAll(submittedAt.keySet())) {
            Thread.sleep(100);
        }
    }

    int expected() {
        return submittedAt.size();
    }

    long routedOnce() {
        return submittedAt.keySet().stream().filter(t -> routings.getOrDefault(t, 0) == 1).count();
    }

    long routedMoreThanOnce() {
        return submittedAt.keySet().stream().filter(t -> routings.getOrDefault(t, 0) > 1).count();
    }

    Latencies latencies() {
        return latencies;
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        poller.join(2000);
    }
}
