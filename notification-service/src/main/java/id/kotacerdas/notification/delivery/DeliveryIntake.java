package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.notification.recipient.RecipientKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns requests into their first queued delivery, and a failed channel into the next one. Inserting is the
 * idempotency point: the unique (request id, channel) makes a redelivered request a no-op, in the same batch
 * as in a later one.
 */
@Component
public class DeliveryIntake {

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
        return acceptAll(List.of(request)) == 1;
    }

    /**
     * Queues the first channel of every request in one insert; returns how many were new.
     *
     * @throws RequestNotStoredException for the first request the store refused (the others are queued all the same)
     */
    public int acceptAll(List<NotificationRequested> requests) {
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>(requests.size());
        for (NotificationRequested request : requests) {
            NotificationRequested normalized = normalized(request);
            deliveries.add(delivery(normalized, normalized.channels().get(0), now));
        }
        return queued(store.insertAllIfAbsent(deliveries)).size();
    }

    /** Queues the request's delivery over {@code channel}; false when it exists already. */
    public boolean queue(NotificationRequested request, Channel channel) {
        return !queued(store.insertAllIfAbsent(List.of(delivery(normalized(request), channel, clock.instant()))))
                .isEmpty();
    }

    /**
     * Fails a channel over: queues the request's next channel, if it has one. Called before the failed channel is
     * saved, so a crash in between loses nothing (queueing it again changes nothing).
     */
    public Optional<Channel> queueNextChannel(Delivery failing) {
        Optional<Channel> next = failing.nextChannel();
        next.ifPresent(channel -> queue(failing.asRequest(), channel));
        return next;
    }

    private List<Delivery> queued(DeliveryStore.Insertion insertion) {
        if (!insertion.inserted().isEmpty()) {
            events.publishEvent(new DeliveriesQueued(insertion.inserted()));
        }
        if (!insertion.failures().isEmpty()) {
            int index = insertion.failures().firstKey();
            throw new RequestNotStoredException(index, insertion.failures().get(index));
        }
        return insertion.inserted();
    }

    private Delivery delivery(NotificationRequested request, Channel channel, Instant now) {
        List<String> recipientKeys = Stream.of(
                        request.recipient() == null ? null : keys.ofPhone(request.recipient().phone()),
                        request.recipient() == null ? null : keys.ofEmail(request.recipient().email()))
                .filter(Objects::nonNull).toList();
        return Delivery.queue(request, channel, recipientKeys, now);
    }

    private static NotificationRequested normalized(NotificationRequested request) {
        return new NotificationRequested(request.requestId(), request.recipient(), channelsOf(request),
                request.template(), request.locale(), request.parameters(), request.priority(), request.notBefore(),
                request.origin(), request.requestedAt());
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
