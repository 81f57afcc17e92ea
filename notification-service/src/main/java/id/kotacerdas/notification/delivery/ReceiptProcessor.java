package id.kotacerdas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Matches delivery receipts to deliveries by the provider's message id. A receipt can overtake the
 * save that records the message id (the SMSC answers fast), so unmatched receipts wait here briefly
 * and are applied as soon as that save happened.
 * <p>
 * Receipts of one delivery are applied one at a time on this instance (striped locks); across instances a
 * part's receipt is recorded with an atomic {@code $addToSet} by {@code _id}, and the final transition
 * (DELIVERED / FAILED) is taken by whoever gets the {@link DeliveryClaims.Step#FINAL} claim.
 */
@Component
public class ReceiptProcessor {

    private static final Logger log = LoggerFactory.getLogger(ReceiptProcessor.class);
    private static final Duration KEEP_UNMATCHED = Duration.ofMinutes(10);

    private static final int LOCK_STRIPES = 64;

    private final DeliveryStore store;
    private final DeliveryIntake intake;
    private final DeliveryClaims claims;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Map<String, PendingReceipt> unmatched = new ConcurrentHashMap<>();
    /** Message ids this instance sent, so a receipt finds its delivery by id instead of by a query. */
    private final Map<String, SentMessage> sentHere = new ConcurrentHashMap<>();

    public ReceiptProcessor(DeliveryStore store, DeliveryIntake intake, DeliveryClaims claims, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.claims = claims;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public void onReceipt(String messageId, boolean delivered, String receiptState) {
        PendingReceipt receipt = new PendingReceipt(messageId, delivered, receiptState, clock.instant());
        if (apply(receipt)) {
            return;
        }
        unmatched.put(messageId, receipt);
        // the sending side may have saved the id between our look-up and the put
        if (apply(receipt)) {
            unmatched.remove(messageId);
        }
    }

    /** Called once a delivery's message ids are saved: remembers them and applies receipts that came first. */
    void sent(String deliveryId, List<String> messageIds) {
        Instant now = clock.instant();
        messageIds.forEach(messageId -> sentHere.put(messageId, new SentMessage(deliveryId, now)));
        applyEarly(messageIds);
    }

    private void applyEarly(List<String> messageIds) {
        for (String messageId : messageIds) {
            PendingReceipt receipt = unmatched.remove(messageId);
            if (receipt != null) {
                apply(receipt);
            }
        }
    }

    private boolean apply(PendingReceipt receipt) {
        SentMessage known = sentHere.get(receipt.messageId());
        Optional<String> deliveryId = known != null ? Optional.of(known.deliveryId())
                : store.deliveryIdOfMessage(receipt.messageId());
        if (deliveryId.isEmpty()) {
            return false;
        }
        synchronized (locks[Math.floorMod(deliveryId.get().hashCode(), LOCK_STRIPES)]) {
            Optional<Delivery> found = store.find(deliveryId.get());
            if (found.isEmpty()) {
                return false;
            }
            apply(found.get(), receipt);
            return true;
        }
    }

    private void apply(Delivery delivery, PendingReceipt receipt) {
        Instant now = clock.instant();
        Delivery.ReceiptEffect effect = delivery.receipt(receipt.messageId(), receipt.delivered(), receipt.state(), now);
        switch (effect) {
            case IGNORED -> {
            }
            case RECORDED -> store.recordDeliveredPart(delivery.id(), receipt.messageId(),
                            new Attempt(now, delivery.provider(), "receipt", receipt.messageId() + " " + receipt.state()))
                    // another instance may have recorded the other parts meanwhile
                    .filter(updated -> updated.completeIfAllDelivered(now))
                    .ifPresent(this::saveFinal);
            case DELIVERED -> saveFinal(delivery);
            case UNDELIVERED -> {
                if (claims.claim(delivery.id(), DeliveryClaims.Step.FINAL)) {
                    delivery.nextChannel().ifPresent(channel -> intake.queue(delivery.asRequest(), channel));
                    delivery.failed("undelivered: " + receipt.state(), List.of(), delivery.nextChannel(), now);
                    save(delivery);
                }
            }
        }
    }

    private void saveFinal(Delivery delivery) {
        if (claims.claim(delivery.id(), DeliveryClaims.Step.FINAL)) {
            save(delivery);
        } else {
            log.debug("Delivery {} was already finished by another receipt", delivery.id());
        }
    }

    private void save(Delivery delivery) {
        store.save(delivery);
        delivery.providerMessageIds().forEach(sentHere::remove);
    }

    @Scheduled(fixedDelay = 60_000)
    public void forgetStaleReceipts() {
        Instant cutoff = clock.instant().minus(KEEP_UNMATCHED);
        unmatched.values().removeIf(receipt -> receipt.at().isBefore(cutoff));
        Instant receiptsOverdue = clock.instant().minus(Duration.ofDays(2));
        sentHere.values().removeIf(sent -> sent.at().isBefore(receiptsOverdue));
    }

    record SentMessage(String deliveryId, Instant at) {
    }

    record PendingReceipt(String messageId, boolean delivered, String state, Instant at) {
    }
}
