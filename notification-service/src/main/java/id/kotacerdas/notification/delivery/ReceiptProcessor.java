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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Matches delivery receipts to deliveries by the provider's message id. A receipt can overtake the
 * save that records the message id (the SMSC answers fast), so unmatched receipts wait here briefly
 * and are applied as soon as that save happened.
 */
@Component
public class ReceiptProcessor {

    private static final Logger log = LoggerFactory.getLogger(ReceiptProcessor.class);
    private static final Duration KEEP_UNMATCHED = Duration.ofMinutes(10);

    private final DeliveryStore store;
    private final DeliveryIntake intake;
    private final Clock clock;
    private final Map<String, PendingReceipt> unmatched = new ConcurrentHashMap<>();
    /** Message ids this instance sent, so a receipt finds its delivery by id instead of by a query. */
    private final Map<String, SentMessage> sentHere = new ConcurrentHashMap<>();

    public ReceiptProcessor(DeliveryStore store, DeliveryIntake intake, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.clock = clock;
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
        for (int attempt = 0; attempt < 5; attempt++) {
            SentMessage known = sentHere.get(receipt.messageId());
            Optional<Delivery> found = known != null ? store.find(known.deliveryId())
                    : store.findByProviderMessageId(receipt.messageId());
            if (found.isEmpty()) {
                return false;
            }
            Delivery delivery = found.get();
            Delivery.ReceiptEffect effect = delivery.receipt(receipt.messageId(), receipt.delivered(), receipt.state(),
                    clock.instant());
            if (effect == Delivery.ReceiptEffect.IGNORED) {
                return true;
            }
            if (effect == Delivery.ReceiptEffect.UNDELIVERED) {
                delivery.nextChannel().ifPresent(channel -> intake.queue(delivery.asRequest(), channel));
                delivery.failed("undelivered: " + receipt.state(), List.of(), delivery.nextChannel(), clock.instant());
            }
            try {
                store.save(delivery);
                if (delivery.state().isFinal()) {
                    delivery.providerMessageIds().forEach(sentHere::remove);
                }
                return true;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Delivery {} changed while applying a receipt; retrying", delivery.id());
            }
        }
        return true;
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
