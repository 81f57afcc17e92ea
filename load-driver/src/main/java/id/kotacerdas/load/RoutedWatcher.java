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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Watches city.assignments.v1 from now on and times each expected report from submit to ReportRouted. */
final class RoutedWatcher implements AutoCloseable {

    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> routedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> routings = new ConcurrentHashMap<>();
    /** Each routed report's submit time and latency, nanoseconds: its latencies, and when the slowest were sent. */
    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
    /** From routing's producer stamping ReportRouted to this watcher reading it: the watcher's own share. */
    private final Latencies seenAfterStamped = new Latencies();
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
        CountDownLatch polling = new CountDownLatch(1);
        poller = new Thread(() -> {
            try (consumer) {
                while (open) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        onRecord(record);
                    }
                    polling.countDown();
                }
            }
        }, "routed-watcher");
        poller.setDaemon(true);
        poller.start();
        // the first polls set up the fetch sessions: a run started before them would bill that to the platform
        try {
            polling.await(10, TimeUnit.SECONDS);
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void expect(String trackingNumber, long submittedNanos) {
        submittedAt.put(trackingNumber, submittedNanos);
        Long routed = routedAt.get(trackingNumber);
        if (routed != null) {
            record(submittedNanos, routed - submittedNanos);
        }
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !AssignmentEvents.ROUTED.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        long now = System.nanoTime();
        seenAfterStamped.add(Math.max(0, System.currentTimeMillis() - record.timestamp()) * 1000);
        String trackingNumber = EventJson.MAPPER.readTree(record.value()).path("trackingNumber").asString();
        routings.merge(trackingNumber, 1, Integer::sum);
        routedAt.putIfAbsent(trackingNumber, now);
        Long submitted = submittedAt.get(trackingNumber);
        if (submitted != null && routings.get(trackingNumber) == 1) {
            record(submitted, now - submitted);
        }
    }

    private void record(long submittedNanos, long latencyNanos) {
        samples.add(new long[] {submittedNanos, latencyNanos});
    }

    /**
     * In which seconds of the run (from the first report expected) the slowest {@code fraction} of reports were
     * submitted, e.g. "s0 x7, s1 x4, s17 x1 (s0 = 10:51:02 UTC)": a tail bunched at one moment is a stall, a spread
     * one is the load. The clock time of s0 lines a stall up with the services' logs.
     */
    String whenSlowestWereSubmitted(double fraction) {
        long startNanos = submittedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<long[]> slowest;
        synchronized (samples) {
            slowest = samples.stream().sorted(Comparator.comparingLong((long[] s) -> s[1]).reversed())
                    .limit(Math.max(1, (long) Math.ceil(samples.size() * fraction))).toList();
        }
        var perSecond = new TreeMap<Long, Integer>();
        slowest.forEach(s -> perSecond.merge((s[0] - startNanos) / 1_000_000_000L, 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        perSecond.forEach((second, count) -> text.append(text.isEmpty() ? "" : ", ").append("s").append(second)
                .append(" x").append(count));
        Instant firstSubmitted = Instant.now().minusNanos(System.nanoTime() - startNanos).truncatedTo(ChronoUnit.SECONDS);
        return text.append(" (s0 = ").append(DateTimeFormatter.ISO_LOCAL_TIME.format(firstSubmitted.atZone(ZoneOffset.UTC)))
                .append(" UTC)").toString();
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
        Latencies latencies = new Latencies();
        synchronized (samples) {
            samples.forEach(sample -> latencies.add(sample[1] / 1000));
        }
        return latencies;
    }

    Latencies seenAfterStamped() {
        return seenAfterStamped;
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        poller.join(2000);
    }
}
