package id.kotacerdas.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The events the services still have to consume, over all consumer groups on the broker. A closed-loop run
 * accepts reports faster than routing and notifications work them off; the next phase waits for that backlog
 * so its latencies are its own.
 */
final class Backlog implements AutoCloseable {

    private final Admin admin;

    Backlog(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
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

    /** Waits until no group is behind (or {@code patience} passed) and says how long that took. */
    void awaitWorkedOff(Duration patience) throws Exception {
        long started = System.nanoTime();
        long left = events();
        long atStart = left;
        while (left > 0 && System.nanoTime() - started < patience.toNanos()) {
            Thread.sleep(1000);
            left = events();
        }
        System.out.printf("Backlog: %,d events left over in consumer groups; %s after %.0f s%n", atStart,
                left == 0 ? "all consumed" : String.format("%,d still waiting", left), Ceilings.seconds(started));
    }

    @Override
    public void close() {
        admin.close();
    }
}
