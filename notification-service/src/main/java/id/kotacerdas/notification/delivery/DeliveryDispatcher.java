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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries on per-channel worker pools, so the Kafka consumer never waits for a
 * provider and a slow SMS provider never holds up e-mail (or other SMS beyond its bulkhead).
 * The database is the queue: a delivery is claimed ({@link DeliveryClaims}) and saved as SENDING before
 * any provider is called; a sweep picks up what the in-memory hand-off missed.
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
    private final DeliveryClaims claims;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, ThreadPoolExecutor> pools = new EnumMap<>(Channel.class);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public DeliveryDispatcher(DeliveryStore store, DeliveryIntake intake, TemplateCatalog templates, OptOuts optOuts,
                              DispatchProperties properties, Clock clock, ReceiptProcessor receipts,
                              DeliveryClaims claims, List<ChannelSender> channelSenders) {
        this.receipts = receipts;
        this.claims = claims;
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
        dispatchSoon(queued.deliveryId(), queued.channel(), queued.delivery());
    }

    /** Hands the delivery to its channel's workers; when they are full it waits for the next sweep. */
    void dispatchSoon(String deliveryId, Channel channel) {
        dispatchSoon(deliveryId, channel, null);
    }

    /** @param queued the delivery as just inserted (saves reading it back), or null to read it */
    private void dispatchSoon(String deliveryId, Channel channel, Delivery queued) {
        if (!running || !inFlight.add(deliveryId)) {
            return;
        }
        try {
            pools.get(channel).execute(() -> {
                try {
                    process(deliveryId, queued);
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
        process(deliveryId, null);
    }

    /**
     * @param queued the delivery as inserted by this instance: nobody can have moved it out of QUEUED without
     *               the send claim, which is checked below, so it need not be read again
     */
    private void process(String deliveryId, Delivery queued) {
        Optional<Delivery> found = queued != null ? Optional.of(queued) : store.find(deliveryId);
        if (found.isEmpty() || found.get().state() != DeliveryState.QUEUED
                || found.get().dueAt().isAfter(clock.instant())) {
            return;
        }
        Delivery delivery = found.get();
        if (!claims.claim(deliveryId, DeliveryClaims.Step.SEND)) {
            resolveIfAbandoned(delivery);
            return; // another worker or instance has it
        }
        Optional<RenderedMessage> message;
        try {
            message = prepare(delivery);
        } catch (RuntimeException e) {
            // no provider was called: give the claim back so that the sweep tries again
            claims.release(deliveryId, DeliveryClaims.Step.SEND);
            throw e;
        }
        if (message.isEmpty()) {
            return;
        }
        ChannelSender sender = senders.get(delivery.channel());
        SendOutcome outcome;
        try {
            outcome = sender.send(delivery, message.get());
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Unknown("error: " + e.getClass().getSimpleName(),
                    List.of(Attempt.of(null, "error", e.getClass().getSimpleName())));
        }
        if (!claims.claim(deliveryId, DeliveryClaims.Step.SETTLE)) {
            log.warn("Delivery {} was declared interrupted while its send was still running; keeping that verdict",
                    deliveryId);
            return;
        }
        record(delivery, outcome);
    }

    /**
     * Renders the message and saves the move to SENDING; or, when it cannot be sent on this channel,
     * fails it (over to the next channel) and returns empty.
     */
    private Optional<RenderedMessage> prepare(Delivery delivery) {
        ChannelSender sender = senders.get(delivery.channel());
        Optional<RenderedMessage> message = templates.render(delivery.template(), delivery.locale(),
                delivery.parameters(), delivery.recipientName());
        if (message.isEmpty()) {
            finish(delivery, d -> d.failed("unknown-template", List.of(), Optional.empty(), clock.instant()));
            return Optional.empty();
        }
        if (sender == null || !sender.hasAddress(delivery)) {
            failOver(delivery, "no-" + delivery.channel().name().toLowerCase() + "-address", List.of());
            return Optional.empty();
        }
        if (delivery.channel() == Channel.SMS && delivery.priority() != NotificationPriority.CRITICAL
                && optOuts.isOptedOut(delivery.phone())) {
            failOver(delivery, "opted-out", List.of(Attempt.of(null, "skipped", "recipient opted out of SMS")));
            return Optional.empty();
        }
        delivery.startSending(clock.instant());
        store.save(delivery);
        return message;
    }

    private void record(Delivery delivery, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted accepted) {
            finish(delivery, d -> d.sent(accepted.provider(), accepted.parts(), accepted.messageIds(),
                    accepted.answers(), clock.instant()));
            store.rememberMessageIds(delivery.id(), accepted.messageIds());
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
            if (!claims.claim(deliveryId, DeliveryClaims.Step.SETTLE)) {
                return; // its sender answered meanwhile, or another instance resolves it
            }
            log.warn("Delivery {} was interrupted while sending; its outcome is unknown and it is not re-sent",
                    deliveryId);
            finish(delivery, d -> d.failed("outcome-unknown: interrupted while sending",
                    List.of(Attempt.of(null, "interrupted", "found SENDING after restart")), Optional.empty(),
                    clock.instant()));
        });
    }

    /**
     * Still QUEUED although its send claim is older than {@code stuck-after}: the claimer crashed before it
     * saved SENDING, so no provider was called. It cannot be claimed again; the channel fails over instead.
     */
    private void resolveIfAbandoned(Delivery delivery) {
        Instant abandonedBefore = clock.instant().minus(properties.stuckAfter());
        boolean abandoned = claims.claimedAt(delivery.id(), DeliveryClaims.Step.SEND)
                .filter(at -> at.isBefore(abandonedBefore)).isPresent();
        if (abandoned && claims.claim(delivery.id(), DeliveryClaims.Step.SETTLE)) {
            store.find(delivery.id()).filter(d -> d.state() == DeliveryState.QUEUED).ifPresent(current ->
                    failOver(current, "interrupted-before-sending",
                            List.of(Attempt.of(null, "interrupted", "claimed but never sent before a restart"))));
        }
    }

    /** Applies a change and saves it by id; the caller holds the claim for this transition. */
    private void finish(Delivery delivery, Consumer<Delivery> change) {
        change.accept(delivery);
        store.save(delivery);
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
