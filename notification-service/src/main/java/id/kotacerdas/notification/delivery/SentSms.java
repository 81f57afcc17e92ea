package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationDelivered;
import id.kotacerdas.support.outbox.OutboxMessage;
import java.time.Instant;
import java.util.List;

/**
 * A SENT delivery as far as its receipts need it, so that the instance that sent it can settle a receipt
 * without reading the delivery back.
 *
 * @param messageIds the provider's message id of every part, in part order
 */
public record SentSms(String deliveryId, String requestId, Channel channel, String maskedRecipient, String provider,
                      List<String> messageIds) {

    public boolean singlePart() {
        return messageIds.size() == 1;
    }

    /** The only part was delivered: SENT → DELIVERED, with the receipt recorded and NotificationDelivered raised. */
    DeliveryChange deliveredBy(String messageId, String receiptState, Instant now) {
        if (!singlePart() || !messageIds.contains(messageId)) {
            throw new IllegalArgumentException("receipt " + messageId + " does not complete delivery " + deliveryId);
        }
        return DeliveryChange.from(deliveryId, DeliveryState.SENT)
                .set("state", DeliveryState.DELIVERED).set("updatedAt", now)
                .addToSet("deliveredMessageIds", messageId)
                .attempt(receipt(messageId, receiptState, now))
                .event(OutboxMessage.of(new NotificationDelivered(requestId, channel, maskedRecipient, now)));
    }

    /** One part of several was delivered: recorded; the delivery completes once every part is. */
    DeliveryChange partDelivered(String messageId, String receiptState, Instant now) {
        return DeliveryChange.from(deliveryId, DeliveryState.SENT).unlessHolding("deliveredMessageIds", messageId)
                .set("updatedAt", now).addToSet("deliveredMessageIds", messageId)
                .attempt(receipt(messageId, receiptState, now));
    }

    Attempt receipt(String messageId, String receiptState, Instant now) {
        return new Attempt(now, provider, "receipt", messageId + " " + receiptState);
    }
}
