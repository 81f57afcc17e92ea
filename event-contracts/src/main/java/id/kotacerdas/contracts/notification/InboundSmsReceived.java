package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** A mobile-originated SMS reached the regency's number. Restricted topic: carries the sender's number. */
public record InboundSmsReceived(String messageId, String sender, String recipientNumber, String text,
                                 Instant receivedAt) implements CityEvent {

    @Override
    public String subject() {
        return messageId;
    }

    @Override
    public String toString() {
        return "InboundSmsReceived[" + messageId + "]";
    }
}
