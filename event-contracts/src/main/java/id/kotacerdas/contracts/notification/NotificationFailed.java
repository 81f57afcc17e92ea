package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** No channel could deliver the message (or the recipient opted out). */
public record NotificationFailed(String requestId, Channel channel, String maskedRecipient, String reason,
                                 Instant failedAt) implements CityEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
