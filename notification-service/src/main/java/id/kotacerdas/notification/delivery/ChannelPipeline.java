package id.kotacerdas.notification.delivery;

import id.kotacerdas.notification.delivery.SendPreparation.ReadyToSend;
import id.kotacerdas.notification.delivery.SendSettlement.Sent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one channel, in three stages so that the store sees batches while providers see single messages:
 * a preparer takes whatever deliveries are waiting and moves them to SENDING in one write
 * ({@link SendPreparation}); sender threads call the provider, one message each and many at once (pipelined on an
 * SMPP session, over several SMTP connections); a settler records whatever answers have come back in one write
 * ({@link SendSettlement}). Batches form by themselves (the more work waits while a write is running, the larger the
 * next one) and each waits a few milliseconds for more ({@code batch-linger}). At most {@code 2 × senders}
 * deliveries are between preparation and settlement, so that few deliveries sit in SENDING without being sent when
 * the service stops.
 * <p>
 * The in-memory queue is bounded; what does not fit stays QUEUED in the database. Once the queue has refused a
 * delivery, the preparer refills it from the database ({@link Backlog}) whenever it is nearly empty, until the backlog
 * is drained: a burst larger than the queue flows at full speed instead of waiting for the periodic sweep.
 */
final class ChannelPipeline {

    private static final Logger log = LoggerFactory.getLogger(ChannelPipeline.class);
    private static final int MAX_BATCH = 500;

    private final String name;
    private final ChannelSender sender;
    private final SendPreparation preparation;
    private final SendSettlement settlement;
    private final BlockingQueue<Delivery> waiting;
    private final BlockingQueue<Sent> answered = new LinkedBlockingQueue<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Backlog backlog;
    /** Set when the queue refused a delivery: more may wait in the database than the queue holds. */
    private final AtomicBoolean backlogged = new AtomicBoolean();
    private final Semaphore slots;
    private final int maxBatch;
    private final Duration linger;
    private final ExecutorService senders;
    private final Thread preparer;
    private final Thread settler;
    private volatile boolean running;
    private volatile boolean sendersDone;

    /** Where deliveries that did not fit in memory wait: the due QUEUED ones of this channel, oldest first. */
    @FunctionalInterface
    interface Backlog {
        List<Delivery> due(int limit);
    }

    ChannelPipeline(String name, ChannelSender sender, int senderThreads, int queueCapacity, Duration linger,
                    SendPreparation preparation, SendSettlement settlement, Backlog backlog) {
        this.name = name;
        this.backlog = backlog;
        this.sender = sender;
        this.preparation = preparation;
        this.settlement = settlement;
        this.waiting = new LinkedBlockingQueue<>(queueCapacity);
        this.slots = new Semaphore(2 * senderThreads);
        this.maxBatch = Math.min(MAX_BATCH, 2 * senderThreads);
        this.linger = linger;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(senderThreads, runnable -> daemon(runnable,
                "dispatch-" + name + "-" + count.incrementAndGet()));
        this.preparer = daemon(this::prepareLoop, "dispatch-" + name + "-prepare");
        this.settler = daemon(this::settleLoop, "dispatch-" + name + "-settle");
    }

    /** Hands a queued delivery to this channel; false when it is already here or the queue is full (the sweep retries). */
    boolean offer(Delivery delivery) {
        if (!running || !inFlight.add(delivery.id())) {
            return false;
        }
        if (!waiting.offer(delivery)) {
            inFlight.remove(delivery.id());
            backlogged.set(true);
            return false;
        }
        return true;
    }

    boolean holds(String deliveryId) {
        return inFlight.contains(deliveryId);
    }

    void start() {
        running = true;
        preparer.start();
        settler.start();
    }

    /** Lets sends in progress finish and be recorded; deliveries still waiting stay QUEUED in the database. */
    void stop() {
        running = false;
        join(preparer);
        waiting.clear();
        senders.shutdown();
        try {
            senders.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sendersDone = true;
        join(settler);
    }

    private void prepareLoop() {
        while (running) {
            refillFromBacklog();
            List<Delivery> batch = takeBatch();
            if (batch.isEmpty()) {
                continue;
            }
            List<ReadyToSend> ready = List.of();
            try {
                ready = preparation.prepare(batch, sender);
            } catch (RuntimeException e) {
                log.warn("{} deliveries could not be prepared now, the sweep retries: {}", batch.size(), e.toString());
            }
            Set<String> sending = new HashSet<>();
            ready.forEach(r -> sending.add(r.delivery().id()));
            // not due yet, failed before sending, held by another instance, or the store failed: not ours to send
            batch.stream().map(Delivery::id).filter(id -> !sending.contains(id)).forEach(this::release);
            ready.forEach(this::sendSoon);
        }
    }

    /**
     * Fills the queue from the database when less than one batch is left in it, while deliveries wait there. The
     * page starts with the oldest, which are those still queued here (refused by {@link #offer} again): reading only
     * when the queue is nearly empty makes nearly every read delivery a new one, so a backlog of any size costs one
     * read per queue-full. A full page means more may wait, so the next round reads again.
     */
    private void refillFromBacklog() {
        if (waiting.size() >= maxBatch || !backlogged.getAndSet(false)) {
            return;
        }
        int room = waiting.remainingCapacity();
        try {
            List<Delivery> due = backlog.due(room);
            due.forEach(this::offer);
            if (due.size() >= room) {
                backlogged.set(true);
            }
        } catch (RuntimeException e) {
            backlogged.set(true);
            log.warn("Queued {} deliveries could not be read now, the sweep retries: {}", name, e.toString());
        }
    }

    /** Takes what is waiting (lingering a moment for more), then waits for a send slot for each. */
    private List<Delivery> takeBatch() {
        try {
            List<Delivery> batch = Batches.take(waiting, maxBatch, linger);
            slots.acquire(batch.size());
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return List.of();
        }
    }

    private void sendSoon(ReadyToSend ready) {
        senders.execute(() -> {
            SendOutcome outcome;
            try {
                outcome = sender.send(ready.delivery(), ready.message());
            } catch (RuntimeException e) {
                outcome = new SendOutcome.Unknown("error: " + e.getClass().getSimpleName(),
                        List.of(Attempt.of(null, "error", e.getClass().getSimpleName())));
            }
            answered.add(new Sent(ready.delivery(), outcome));
        });
    }

    private void settleLoop() {
        while (!sendersDone || !answered.isEmpty()) {
            List<Sent> batch = List.of();
            try {
                batch = Batches.take(answered, MAX_BATCH, linger);
                if (batch.isEmpty()) {
                    continue;
                }
                settlement.settle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Outcomes of {} {} deliveries could not be recorded; they stay SENDING and end as "
                        + "outcome-unknown: {}", batch.size(), name, e.toString());
            } finally {
                batch.forEach(sent -> release(sent.delivery().id()));
            }
        }
    }

    private void release(String deliveryId) {
        inFlight.remove(deliveryId);
        slots.release();
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
