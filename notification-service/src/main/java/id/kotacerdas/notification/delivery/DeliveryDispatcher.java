package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.notification.recipient.OptOuts;
import id.kotacerdas.notification.template.RenderedMessage;
import id.kotacerdas.notification.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries on per-channel worker pools, so the Kafka consumer never waits for a
 * provider and a slow SMS provider never holds up e-mail (or other SMS beyond its bulkhead).
 * The database is the queue: a delivery is claimed by moving it QUEUED → SENDING with optimistic
 * locking before any provider is called; a sweep picks up what the in-memory hand-off missed.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int SWEEP_BATCH = 500;

    private final DeliveryStore store;
    private final DeliveryIntake intake;
    private final TemplateCatalog templates;
    private final OptOuts optOuts;
    private final DispatchProperties properties;
    private final Clock clock;
    private final ReceiptProcessor receipts;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, ThreadPoolExecutor> pools = new EnumMap<>(Channel.class);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public DeliveryDispatcher(DeliveryStore store, DeliveryIntake intake, TemplateCatalog templates, OptOuts optOuts,
                              DispatchProperties properties, Clock clock, ReceiptProcessor receipts,
                              List<ChannelSender> channelSenders) {
        this.receipts = receipts;
        this.store = store;
        this.intake = intake;
        this.templates = templates;
        this.optOuts = optOuts;
        this.properties = properties;
        this.clock = clock;
        channelSenders.forEach(sender -> senders.put(sender.channel(), sender));
        pools.put(Channel.SMS, pool("sms", properties.smsThreads()));
        pools.put(Channel.EMAIL, pool("email", properties.emailThreads()));
    }

    @EventListener
    public void onQueued(DeliveryQueued queued) {
        dispatchSoon(queued.deliveryId(), queued.channel());
    }

    /** Hands the delivery to its channel's workers; when they are full it waits for the next sweep. */
    void dispatchSoon(String deliveryId, Channel channel) {
        if (!running || !inFlight.add(deliveryId)) {
            return;
        }
        try {
            pools.get(channel).execute(() -> {
                try {
                    process(deliveryId);
                } catch (RuntimeException e) {
                    log.warn("Delivery {} could not be processed now, the sweep retries: {}", deliveryId, e.toString());
                } finally {
                    inFlight.remove(deliveryId);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(deliveryId);
        }
    }

    @Scheduled(fixedDelayString = "${notification.dispatch.sweep-interval:PT2S}")
    public void sweep() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        for (Delivery due : store.dueQueued(now, SWEEP_BATCH)) {
            dispatchSoon(due.id(), due.channel());
        }
        for (Delivery stuck : store.sendingSince(now.minus(properties.stuckAfter()), SWEEP_BATCH)) {
            if (!inFlight.contains(stuck.id())) {
                resolveInterrupted(stuck.id());
            }
        }
    }

    void process(String deliveryId) {
        Optional<Delivery> found = store.find(deliveryId);
        if (found.isEmpty() || found.get().state() != DeliveryState.QUEUED
                || found.get().dueAt().isAfter(clock.instant())) {
            return;
        }
        Delivery delivery = found.get();
        ChannelSender sender = senders.get(delivery.channel());
        Optional<RenderedMessage> message = templates.render(delivery.template(), delivery.locale(),
                delivery.parameters(), delivery.recipientName());
        if (message.isEmpty()) {
            finish(delivery, d -> d.failed("unknown-template", List.of(), Optional.empty(), clock.instant()));
            return;
        }
        if (sender == null || !sender.hasAddress(delivery)) {
            failOver(delivery, "no-" + delivery.channel().name().toLowerCase() + "-address", List.of());
            return;
        }
        if (delivery.channel() == Channel.SMS && delivery.priority() != NotificationPriority.CRITICAL
                && optOuts.isOptedOut(delivery.phone())) {
            failOver(delivery, "opted-out", List.of(Attempt.of(null, "skipped", "recipient opted out of SMS")));
            return;
        }
        delivery.startSending(clock.instant());
        try {
            delivery = store.save(delivery);
        } catch (OptimisticLockingFailureException e) {
            return; // another instance claimed it
        }
        SendOutcome outcome;
        try {
            outcome = sender.send(delivery, message.get());
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Unknown("error: " + e.getClass().getSimpleName(),
                    List.of(Attempt.of(null, "error", e.getClass().getSimpleName())));
        }
        record(delivery, outcome);
    }

    private void record(Delivery delivery, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted accepted) {
            finish(delivery, d -> d.sent(accepted.provider(), accepted.parts(), accepted.messageIds(),
                    accepted.answers(), clock.instant()));
            receipts.sent(delivery.id(), accepted.messageIds());
        } else if (outcome instanceof SendOutcome.Refused refused) {
            failOver(delivery, refused.reason(), refused.answers());
        } else if (outcome instanceof SendOutcome.Unknown unknown) {
            finish(delivery, d -> d.failed("outcome-unknown: " + unknown.reason(), unknown.answers(), Optional.empty(),
                    clock.instant()));
        }
    }

    /** Fails this channel and queues the next one in the request, if any (queued first: a crash in between loses nothing). */
    void failOver(Delivery delivery, String reason, List<Attempt> answers) {
        Optional<Channel> next = delivery.nextChannel();
        next.ifPresent(channel -> intake.queue(delivery.asRequest(), channel));
        finish(delivery, d -> d.failed(reason, answers, next, clock.instant()));
    }

    /**
     * A delivery left SENDING by a crash: the provider may have accepted it, so it is not re-sent on any
     * channel. It fails with a reason that says so, and the operator API shows its attempts.
     */
    void resolveInterrupted(String deliveryId) {
        store.find(deliveryId).filter(d -> d.state() == DeliveryState.SENDING).ifPresent(delivery -> {
            log.warn("Delivery {} was interrupted while sending; its outcome is unknown and it is not re-sent",
                    deliveryId);
            finish(delivery, d -> d.failed("outcome-unknown: interrupted while sending",
                    List.of(Attempt.of(null, "interrupted", "found SENDING after restart")), Optional.empty(),
                    clock.instant()));
        });
    }

    /** Applies a change and saves it; on a concurrent change, re-reads and re-applies while it still applies. */
    private void finish(Delivery delivery, Consumer<Delivery> change) {
        Delivery current = delivery;
        for (int attempt = 0; attempt < 5; attempt++) {
            DeliveryState before = current.state();
            change.accept(current);
            try {
                store.save(current);
                return;
            } catch (OptimisticLockingFailureException e) {
                Optional<Delivery> reloaded = store.find(delivery.id());
                if (reloaded.isEmpty() || reloaded.get().state() != before) {
                    return;
                }
                current = reloaded.get();
            }
        }
        throw new IllegalStateException("delivery " + delivery.id() + " kept changing under us");
    }

    private ThreadPoolExecutor pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "dispatch-" + name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets sends in progress finish (so a graceful stop leaves nothing SENDING); queued ones stay in the database. */
    @Override
    public void stop() {
        running = false;
        pools.values().forEach(pool -> pool.getQueue().clear());
        pools.values().forEach(ThreadPoolExecutor::shutdown);
        pools.values().forEach(pool -> {
            try {
                pool.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
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
