package id.kotacerdas.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The work the services still have to do: events not yet consumed, over all consumer groups on the broker, and
 * messages notification-service has queued but not sent ({@code notification_deliveries_queued}, e.g. held back by
 * the SMS provider's rate limit). A closed-loop run accepts reports faster than routing and notifications work them
 * off; the next phase waits for that backlog so its latencies and CPU are its own.
 */
final class Backlog implements AutoCloseable {

    private static final String QUEUED = "notification_deliveries_queued{";

    private final Admin admin;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI notificationMetrics;

    Backlog(String bootstrapServers, String notificationService) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.notificationMetrics = URI.create(notificationService + "/actuator/prometheus");
    }

    long events() throws Exception {
        long behind = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        }
        return behind;
    }

    /** Deliveries queued in notification-service, as of its last sweep; -1 when its metrics cannot be read. */
    long queuedDeliveries() throws InterruptedException {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(notificationMetrics)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return -1;
            }
            long queued = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith(QUEUED)) {
                    queued += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return queued;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits, without printing, until no group is behind and nothing is queued for sending (or {@code patience}
     * passed); returns the seconds it took, to a quarter of a second (the queue gauge itself is refreshed by
     * notification-service's sweep, every 2 s by default).
     */
    double workOff(Duration patience) throws Exception {
        long started = System.nanoTime();
        while ((events() > 0 || queuedDeliveries() > 0) && System.nanoTime() - started < patience.toNanos()) {
            Thread.sleep(250);
        }
        return Ceilings.seconds(started);
    }

    /** Waits until no group is behind and nothing is queued for sending (or {@code patience} passed). */
    void awaitWorkedOff(Duration patience) throws Exception {
        long started = System.nanoTime();
        long events = events();
        long queued = queuedDeliveries();
        long eventsAtStart = events;
        long queuedAtStart = queued;
        while ((events > 0 || queued > 0) && System.nanoTime() - started < patience.toNanos()) {
            Thread.sleep(1000);
            events = events();
            queued = queuedDeliveries();
        }
        System.out.printf("Backlog: %,d events left over in consumer groups, %s; %s after %.0f s%n", eventsAtStart,
                queuedAtStart < 0 ? "notification-service's queue unknown (metrics not readable)"
                        : String.format("%,d messages queued for sending", queuedAtStart),
                events == 0 && queued <= 0 ? "all worked off"
                        : String.format("%,d events and %,d messages still waiting", events, Math.max(queued, 0)),
                Ceilings.seconds(started));
    }

    @Override
    public void close() {
        admin.close();
    }
}
