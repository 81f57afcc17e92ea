package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A command to tell someone something. {@code requestId} is the idempotency key: the same request,
 * however often delivered, produces at most one message per channel. Channels are in order of
 * preference; the next one is tried when the previous one fails.
 */
public record NotificationRequested(
        String requestId,
        Recipient recipient,
        List<Channel> channels,
        String template,
        String locale,
        Map<String, String> parameters,
        NotificationPriority priority,
        Instant notBefore,
        String origin,
        Instant requestedAt) implements CityEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
