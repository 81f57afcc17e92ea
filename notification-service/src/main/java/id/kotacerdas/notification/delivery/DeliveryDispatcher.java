package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries on per-channel pipelines ({@link ChannelPipeline}), so the Kafka consumer never waits for a
 * provider and a slow SMS provider never holds up e-mail. The database is the queue: a delivery is moved to SENDING
 * before any provider is called; a sweep picks up what the in-memory hand-off missed (not-before, full queues,
 * restarts) and settles deliveries a crash left SENDING.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int SWEEP_BATCH = 500;

    private final DeliveryStore store;
    private final DispatchProperties properties;
    private final Clock clock;
    private final OutboxNudges outbox;
    private final QueueDepth queueDepth;
    private final Map<Channel, ChannelPipeline> pipelines = new EnumMap<>(Channel.class);
    private volatile boolean running;

    DeliveryDispatcher(DeliveryStore store, DispatchProperties properties, Clock clock, SendPreparation preparation,
                       SendSettlement settlement, OutboxNudges outbox, QueueDepth queueDepth,
                       List<ChannelSender> senders) {
        this.store = store;
        this.queueDepth = queueDepth;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        for (ChannelSender sender : senders) {
            int threads = sender.channel() == Channel.SMS ? properties.smsThreads() : properties.emailThreads();
            pipelines.put(sender.channel(), new ChannelPipeline(sender.channel().name().toLowerCase(), sender, threads,
                    properties.queueCapacity(), properties.batchLinger(), preparation, settlement,
                    limit -> store.dueQueued(sender.channel(), clock.instant(), limit)));
        }
    }

    @EventListener
    public void onQueued(DeliveriesQueued queued) {
        queued.deliveries().forEach(this::dispatchSoon);
    }

    /** Hands the delivery to its channel's workers; when they are full it waits for the next sweep. */
    void dispatchSoon(Delivery delivery) {
        ChannelPipeline pipeline = pipelines.get(delivery.channel());
        if (running && pipeline != null) {
            pipeline.offer(delivery);
        }
    }

    @Scheduled(fixedDelayString = "${notification.dispatch.sweep-interval:PT2S}")
    public void sweep() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        List<String> due = store.dueQueued(now, SWEEP_BATCH).stream().filter(id -> !isInFlight(id)).toList();
        store.findAll(due).forEach(this::dispatchSoon);
        for (Delivery stuck : store.sendingSince(now.minus(properties.stuckAfter()), SWEEP_BATCH)) {
            if (!isInFlight(stuck.id())) {
                resolveInterrupted(stuck);
            }
        }
        queueDepth.count();
    }

    /**
     * A delivery left SENDING by a crash: the provider may have accepted it, so it is not re-sent on any channel.
     * It fails with a reason that says so, and the operator API shows its attempts. Its sender, should it answer
     * after all, finds the delivery no longer held and keeps this verdict.
     */
    private void resolveInterrupted(Delivery stuck) {
        if (store.apply(stuck.interrupted(clock.instant()))) {
            log.warn("Delivery {} was interrupted while sending; its outcome is unknown and it is not re-sent",
                    stuck.id());
        }
    }

    private boolean isInFlight(String deliveryId) {
        return pipelines.values().stream().anyMatch(pipeline -> pipeline.holds(deliveryId));
    }

    @Override
    public void start() {
        running = true;
        pipelines.values().forEach(ChannelPipeline::start);
    }

    /** Lets sends in progress finish (so a graceful stop leaves nothing SENDING); queued ones stay in the database. */
    @Override
    public void stop() {
        running = false;
        pipelines.values().parallelStream().forEach(ChannelPipeline::stop);
        outbox.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the outbox relay, Kafka and Mongo, so the last outcomes are still saved and relayed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
