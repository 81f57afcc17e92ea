package id.kotacerdas.notification.delivery;

import id.kotacerdas.notification.delivery.ReceiptProcessor.PendingReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a batch of delivery receipts does to their deliveries. Every change is conditional on the delivery still
 * being SENT, so a repeated receipt, or one another instance applied first, changes nothing:
 * <ul>
 * <li>the receipt of a single-part message: SENT → DELIVERED, all of the batch's in one bulk write;</li>
 * <li>a part of a concatenated message: recorded ({@code $addToSet}); whoever records the last part moves it to
 * DELIVERED;</li>
 * <li>an undelivered part: the next channel is queued and the delivery FAILED.</li>
 * </ul>
 */
@Component
class ReceiptBatch {

    private final DeliveryStore store;
    private final DeliveryIntake intake;

    ReceiptBatch(DeliveryStore store, DeliveryIntake intake) {
        this.store = store;
        this.intake = intake;
    }

    /** The sent deliveries these message ids belong to, as far as the database knows them. */
    Map<String, SentSms> lookUp(Collection<String> messageIds) {
        Map<String, SentSms> found = new HashMap<>();
        for (Delivery delivery : store.byMessageIds(messageIds)) {
            SentSms sent = delivery.sentSms();
            sent.messageIds().stream().filter(messageIds::contains).forEach(messageId -> found.put(messageId, sent));
        }
        return found;
    }

    /** @return the deliveries these receipts finished (or found finished already) */
    List<SentSms> apply(List<PendingReceipt> receipts, Map<String, SentSms> sentByMessageId, Instant now) {
        List<SentSms> finished = new ArrayList<>();
        List<DeliveryChange> delivered = new ArrayList<>();
        for (PendingReceipt receipt : receipts) {
            SentSms sent = sentByMessageId.get(receipt.messageId());
            if (!sent.messageIds().contains(receipt.messageId())) {
                continue; // the delivery did not keep this message id: its send was declared interrupted meanwhile
            }
            if (!receipt.delivered()) {
                undelivered(sent, receipt, now);
                finished.add(sent);
            } else if (sent.singlePart()) {
                delivered.add(sent.deliveredBy(receipt.messageId(), receipt.state(), now));
                finished.add(sent);
            } else if (partDelivered(sent, receipt, now)) {
                finished.add(sent);
            }
        }
        store.applyAll(delivered);
        return finished;
    }

    /** @return true when this was the last part missing */
    private boolean partDelivered(SentSms sent, PendingReceipt receipt, Instant now) {
        Optional<Delivery> recorded = store.applyAndGet(sent.partDelivered(receipt.messageId(), receipt.state(), now));
        recorded.flatMap(delivery -> delivery.completeIfAllDelivered(now)).ifPresent(store::apply);
        return recorded.map(Delivery::allPartsDelivered).orElse(false);
    }

    private void undelivered(SentSms sent, PendingReceipt receipt, Instant now) {
        store.find(sent.deliveryId())
                .filter(delivery -> delivery.state() == DeliveryState.SENT)
                .filter(delivery -> delivery.providerMessageIds().contains(receipt.messageId()))
                .ifPresent(delivery -> store.apply(delivery.failed("undelivered: " + receipt.state(),
                        List.of(sent.receipt(receipt.messageId(), receipt.state(), now)),
                        intake.queueNextChannel(delivery), now)));
    }
}
