package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The provider accepted the message. The recipient appears masked only (e.g. {@code +62812****5678}). */
public record NotificationSent(String requestId, Channel channel, String maskedRecipient, String provider,
                               int parts, Instant sentAt) implements CityEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
