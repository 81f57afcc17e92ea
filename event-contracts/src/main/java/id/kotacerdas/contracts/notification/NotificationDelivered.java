package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The provider confirmed delivery to the handset or mailbox. */
public record NotificationDelivered(String requestId, Channel channel, String maskedRecipient,
                                    Instant deliveredAt) implements CityEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
