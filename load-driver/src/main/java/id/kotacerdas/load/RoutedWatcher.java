package id.kotacerdas.load;

import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.report.ReportEvents;
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
import java.util.stream.Stream;

/**
 * Watches city.assignments.v1 and city.reports.v1 from now on and times each expected report from submit to
 * ReportRouted, with the moments intake's and routing's relays stamped its events.
 */
final class RoutedWatcher implements AutoCloseable {

    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> routedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> routings = new ConcurrentHashMap<>();
    /** Each routed report's submit time and latency: its latencies, and when the slowest were sent. */
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    /** When intake's relay and routing's relay stamped each report's ReportSubmitted and ReportRouted (wall clock, ms). */
    private final Map<String, Long> submittedStamped = new ConcurrentHashMap<>();
    private final Map<String, Long> routedStamped = new ConcurrentHashMap<>();
    private final long anchorNanos = System.nanoTime();
    private final long anchorMillis = System.currentTimeMillis();
    /** From routing's producer stamping ReportRouted to this watcher reading it: the watcher's own share. */
    private final Latencies seenAfterStamped = new Latencies();
    private final Thread poller;
    private volatile boolean open = true;

    RoutedWatcher(String bootstrap) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = Stream.of(Topics.REPORTS, Topics.ASSIGNMENTS)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
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

    /** Called when intake's answer arrived: the time from {@code submittedNanos} to now is the HTTP part. */
    void expect(String trackingNumber, long submittedNanos) {
        answeredAt.put(trackingNumber, System.nanoTime());
        submittedAt.put(trackingNumber, submittedNanos);
        Long routed = routedAt.get(trackingNumber);
        if (routed != null) {
            record(trackingNumber, submittedNanos, routed - submittedNanos);
        }
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        String type = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        if (ReportEvents.SUBMITTED.type().equals(type)) {
            submittedStamped.putIfAbsent(trackingNumberOf(record), record.timestamp());
            return;
        }
        if (!AssignmentEvents.ROUTED.type().equals(type)) {
            return;
        }
        long now = System.nanoTime();
        seenAfterStamped.add(Math.max(0, System.currentTimeMillis() - record.timestamp()) * 1000);
        String trackingNumber = trackingNumberOf(record);
        routedStamped.putIfAbsent(trackingNumber, record.timestamp());
        routings.merge(trackingNumber, 1, Integer::sum);
        routedAt.putIfAbsent(trackingNumber, now);
        Long submitted = submittedAt.get(trackingNumber);
        if (submitted != null && routings.get(trackingNumber) == 1) {
            record(trackingNumber, submitted, now - submitted);
        }
    }

    private static String trackingNumberOf(ConsumerRecord<String, byte[]> record) {
        return EventJson.MAPPER.readTree(record.value()).path("trackingNumber").asString();
    }

    private void record(String trackingNumber, long submittedNanos, long latencyNanos) {
        samples.add(new Sample(trackingNumber, submittedNanos, latencyNanos));
    }

    private record Sample(String trackingNumber, long submittedNanos, long latencyNanos) {
    }

    private List<Sample> slowest(double fraction) {
        synchronized (samples) {
            return samples.stream().sorted(Comparator.comparingLong(Sample::latencyNanos).reversed())
                    .limit(Math.max(1, (long) Math.ceil(samples.size() * fraction))).toList();
        }
    }

    /**
     * Where the slowest {@code fraction} of reports spent their time: until the HTTP answer (the gateway, intake and
     * the store), from the answer until intake's relay stamped ReportSubmitted (the relay), and from then until
     * routing's relay stamped ReportRouted (the topic, routing's consumers and its relay). Clocks of one machine.
     */
    String whereSlowestWaited(double fraction) {
        Latencies untilAnswered = new Latencies();
        Latencies untilSubmitted = new Latencies();
        Latencies submittedToRouted = new Latencies();
        for (Sample sample : slowest(fraction)) {
            Long answered = answeredAt.get(sample.trackingNumber());
            Long submittedStamp = submittedStamped.get(sample.trackingNumber());
            Long routedStamp = routedStamped.get(sample.trackingNumber());
            if (answered != null && submittedStamp != null && routedStamp != null) {
                untilAnswered.add((answered - sample.submittedNanos()) / 1000);
                untilSubmitted.add(Math.max(0, submittedStamp - wallMillis(answered)) * 1000);
                submittedToRouted.add(Math.max(0, routedStamp - submittedStamp) * 1000);
            }
        }
        return "until answered " + untilAnswered.summary() + ", then until ReportSubmitted was stamped "
                + untilSubmitted.summary() + ", from it to ReportRouted " + submittedToRouted.summary();
    }

    private long wallMillis(long nanos) {
        return anchorMillis + (nanos - anchorNanos) / 1_000_000;
    }

    /**
     * In which seconds of the run (from the first report expected) the slowest {@code fraction} of reports were
     * submitted, e.g. "s0 x7, s1 x4, s17 x1 (s0 = 10:51:02 UTC)": a tail bunched at one moment is a stall, a spread
     * one is the load. The clock time of s0 lines a stall up with the services' logs.
     */
    String whenSlowestWereSubmitted(double fraction) {
        long startNanos = submittedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        var perSecond = new TreeMap<Long, Integer>();
        slowest(fraction).forEach(s -> perSecond.merge((s.submittedNanos() - startNanos) / 1_000_000_000L, 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        perSecond.forEach((second, count) -> text.append(text.isEmpty() ? "" : ", ").append("s").append(second)
                .append(" x").append(count));
        Instant firstSubmitted = Instant.ofEpochMilli(wallMillis(startNanos)).truncatedTo(ChronoUnit.SECONDS);
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
            samples.forEach(sample -> latencies.add(sample.latencyNanos() / 1000));
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
