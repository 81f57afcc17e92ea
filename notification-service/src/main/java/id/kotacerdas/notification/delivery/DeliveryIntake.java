package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.notification.recipient.RecipientKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a request into its first queued delivery, and a failed channel into the next one. Inserting
 * is the idempotency point: the unique (request id, channel) makes a redelivered request a no-op.
 */
@Component
public class DeliveryIntake {

    private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);

    private final DeliveryStore store;
    private final RecipientKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DeliveryIntake(DeliveryStore store, RecipientKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /** @return false when this request was already accepted (a redelivery) */
    public boolean accept(NotificationRequested request) {
        return queue(request, channelsOf(request).get(0));
    }

    /** Queues the request's delivery over {@code channel}; false when it exists already. */
    public boolean queue(NotificationRequested request, Channel channel) {
        List<String> recipientKeys = Stream.of(
                        request.recipient() == null ? null : keys.ofPhone(request.recipient().phone()),
                        request.recipient() == null ? null : keys.ofEmail(request.recipient().email()))
                .filter(Objects::nonNull).toList();
        NotificationRequested normalized = new NotificationRequested(request.requestId(), request.recipient(),
                channelsOf(request), request.template(), request.locale(), request.parameters(), request.priority(),
                request.notBefore(), request.origin(), request.requestedAt());
        Delivery delivery = Delivery.queue(normalized, channel, recipientKeys, clock.instant());
        if (!store.insertIfAbsent(delivery)) {
            log.debug("Request {} over {} is already known; not queued again", request.requestId(), channel);
            return false;
        }
        events.publishEvent(new DeliveryQueued(delivery));
        return true;
    }

    /**
     * The channels to try: the requested ones, or when none were named, SMS then e-mail as far as the
     * recipient has the address for them.
     */
    static List<Channel> channelsOf(NotificationRequested request) {
        if (request.channels() != null && !request.channels().isEmpty()) {
            return request.channels().stream().distinct().toList();
        }
        List<Channel> inferred = new ArrayList<>();
        if (request.recipient() != null && request.recipient().phone() != null && !request.recipient().phone().isBlank()) {
            inferred.add(Channel.SMS);
        }
        if (request.recipient() != null && request.recipient().email() != null && !request.recipient().email().isBlank()) {
            inferred.add(Channel.EMAIL);
        }
        return inferred.isEmpty() ? List.of(Channel.SMS) : inferred;
    }
}
