package id.kotacerdas.notification.delivery;

import id.kotacerdas.support.outbox.OutboxRelay;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wakes the outbox relay for deliveries whose changes left events in their outbox, in groups: every 50 ms, all the
 * deliveries changed meanwhile are handed over together, so that the relay (one pass = claim, publish, await the
 * broker, clean up) publishes them in one pass instead of a pass for every few.
 * <p>
 * An SMS's NotificationSent is handed over after {@code notification.dispatch.sent-event-delay}: when its receipt
 * comes within that time, NotificationSent and NotificationDelivered leave in the same pass, which halves the relay's
 * writes for that delivery. Nothing is held back beyond that: the events are in the delivery document already, and
 * the relay's own sweep publishes whatever a nudge missed (after a crash, say).
 */
@Component
class OutboxNudges implements DisposableBean {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final OutboxRelay relay;
    private final long delayNanos;
    private final Queue<String> next = new ConcurrentLinkedQueue<>();
    private final Queue<Later> later = new ConcurrentLinkedQueue<>();
    /** Deliveries with a delayed nudge still to come, unless an earlier one made it needless. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Thread timer;
    private volatile boolean open = true;

    OutboxNudges(OutboxRelay relay, @Value("${notification.dispatch.sent-event-delay:PT1S}") Duration delay) {
        this.relay = relay;
        this.delayNanos = delay.toNanos();
        this.timer = new Thread(this::nudgeEveryInterval, "outbox-nudges");
        timer.setDaemon(true);
        timer.start();
    }

    /** With the next group. */
    void now(String deliveryId) {
        waiting.remove(deliveryId);
        next.add(deliveryId);
    }

    /** After the delay, unless the delivery changes again before. */
    void soon(String deliveryId) {
        if (delayNanos <= 0) {
            now(deliveryId);
        } else if (waiting.add(deliveryId)) {
            later.add(new Later(deliveryId, System.nanoTime() + delayNanos));
        }
    }

    /** The relay's lease, for a change to write with its events: the relay then reads the delivery, not claims it. */
    Document newLease() {
        return relay.newLease();
    }

    /** Hands everything to the relay now (before it stops). */
    void flush() {
        nudgeDue(System.nanoTime(), true);
    }

    private void nudgeEveryInterval() {
        while (open) {
            try {
                TimeUnit.NANOSECONDS.sleep(INTERVAL_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            nudgeDue(System.nanoTime(), false);
        }
    }

    private synchronized void nudgeDue(long now, boolean evenIfLater) {
        for (Later due = later.peek(); due != null && (evenIfLater || due.dueNanos() - now <= 0); due = later.peek()) {
            later.poll();
            if (waiting.remove(due.deliveryId())) {
                next.add(due.deliveryId());
            }
        }
        for (String deliveryId = next.poll(); deliveryId != null; deliveryId = next.poll()) {
            // leased by the change that raised its events (or, if that change's condition failed, claimed)
            relay.enqueueLeased(Delivery.COLLECTION, deliveryId);
        }
    }

    @Override
    public void destroy() {
        open = false;
        timer.interrupt();
    }

    private record Later(String deliveryId, long dueNanos) {
    }
}
