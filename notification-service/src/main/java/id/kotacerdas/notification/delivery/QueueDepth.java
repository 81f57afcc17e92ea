package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code notification.deliveries.queued{channel}}: the deliveries waiting to be sent, due or not. What an operator
 * watches when a provider's rate limit holds messages back, and what tells a load run that the work it caused is
 * done. Counted in the store on each dispatch sweep, so a scrape never waits for the database.
 */
@Component
class QueueDepth {

    private final DeliveryStore store;
    private final Map<Channel, AtomicLong> queued = new EnumMap<>(Channel.class);

    QueueDepth(DeliveryStore store, MeterRegistry meters) {
        this.store = store;
        for (Channel channel : Channel.values()) {
            AtomicLong depth = new AtomicLong();
            queued.put(channel, depth);
            Gauge.builder("notification.deliveries.queued", depth, AtomicLong::get).tag("channel", channel.name())
                    .description("Deliveries waiting to be sent (QUEUED, due or not), as of the last dispatch sweep")
                    .register(meters);
        }
    }

    void count() {
        queued.forEach((channel, depth) -> depth.set(store.queued(channel)));
    }
}
