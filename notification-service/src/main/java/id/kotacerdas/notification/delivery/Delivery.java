package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationDelivered;
import id.kotacerdas.contracts.notification.NotificationFailed;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationSent;
import id.kotacerdas.notification.recipient.PhoneNumbers;
import id.kotacerdas.support.outbox.OutboxAggregate;
import id.kotacerdas.support.outbox.OutboxMessage;
import id.kotacerdas.support.privacy.Masking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery of one request over one channel: the aggregate whose outbox carries
 * NotificationSent / Delivered / Failed. Its id is {@code <requestId>/<channel>} and a unique index on
 * (requestId, channel) makes a second document for the same pair impossible.
 * <p>
 * Every transition returns a {@link DeliveryChange}: a conditional update by {@code _id} that applies only while
 * the stored delivery is still in the state the transition starts from, and out of SENDING only for the sender
 * that holds it ({@link #sendingBy()}). Whoever's change applies owns the transition, across threads and instances;
 * everyone else's matches nothing.
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = "request_channel", def = "{'requestId': 1, 'channel': 1}", unique = true)
@CompoundIndex(name = "state_due", def = "{'state': 1, 'dueAt': 1}")
public class Delivery extends OutboxAggregate {

    public static final String COLLECTION = "deliveries";

    @Id
    private String id;
    private String requestId;
    private Channel channel;
    private List<Channel> channels;
    private String template;
    private String locale;
    private Map<String, String> parameters;
    private NotificationPriority priority;
    private String origin;
    private String recipientName;
    /** Personal data, needed to send; kept in this service's own database only. */
    private String phone;
    private String email;
    @Indexed
    private List<String> recipientKeys;
    private DeliveryState state;
    private Instant dueAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant sendingSince;
    /** The dispatch batch that moved it to SENDING: only that sender settles it (or the sweep, after a crash). */
    private String sendingBy;
    private String provider;
    /** Indexed: a receipt finds its delivery by the message id the SMSC gave one of its parts. */
    @Indexed
    private List<String> providerMessageIds = new ArrayList<>();
    private Set<String> deliveredMessageIds = new LinkedHashSet<>();
    private int parts;
    private String failureReason;
    private Channel fellBackTo;
    private List<Attempt> attempts = new ArrayList<>();

    @PersistenceCreator
    Delivery() {
    }

    public static String idOf(String requestId, Channel channel) {
        return requestId + "/" + channel;
    }

    /** The first (or a fallback) channel of a request, waiting to be sent from {@code notBefore} on. */
    public static Delivery queue(NotificationRequested request, Channel channel, List<String> recipientKeys, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = idOf(request.requestId(), channel);
        delivery.requestId = request.requestId();
        delivery.channel = channel;
        delivery.channels = List.copyOf(request.channels());
        delivery.template = request.template();
        delivery.locale = request.locale();
        delivery.parameters = request.parameters() == null ? Map.of() : new HashMap<>(request.parameters());
        delivery.priority = request.priority() == null ? NotificationPriority.NORMAL : request.priority();
        delivery.origin = request.origin();
        if (request.recipient() != null) {
            delivery.recipientName = request.recipient().name();
            delivery.phone = request.recipient().phone();
            delivery.email = request.recipient().email();
        }
        delivery.recipientKeys = List.copyOf(recipientKeys);
        delivery.state = DeliveryState.QUEUED;
        delivery.dueAt = request.notBefore() != null && request.notBefore().isAfter(now) ? request.notBefore() : now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    /** The same request over the next channel in its order of preference, if there is one. */
    public Optional<Channel> nextChannel() {
        int index = channels.indexOf(channel);
        return index >= 0 && index + 1 < channels.size() ? Optional.of(channels.get(index + 1)) : Optional.empty();
    }

    /** The request as it came, to queue its next channel. */
    public NotificationRequested asRequest() {
        return new NotificationRequested(requestId,
                new id.kotacerdas.contracts.notification.Recipient(recipientName, phone, email), channels, template,
                locale, parameters, priority, null, origin, createdAt);
    }

    /**
     * Recorded before the provider is called: from here on a crash leaves a trace, never a silent re-send.
     *
     * @param sendingBy who sends it (one token per dispatch batch); only that sender may settle it
     */
    public DeliveryChange startSending(String sendingBy, Instant now) {
        requireState(DeliveryState.QUEUED);
        DeliveryChange change = DeliveryChange.from(id, state);
        state = DeliveryState.SENDING;
        sendingSince = now;
        this.sendingBy = sendingBy;
        updatedAt = now;
        Attempt started = new Attempt(now, null, "started", channel.name());
        attempts.add(started);
        return change.set("state", state).set("sendingSince", now).set("sendingBy", sendingBy).set("updatedAt", now)
                .attempt(started);
    }

    public DeliveryChange sent(String acceptedBy, int partCount, List<String> messageIds, List<Attempt> providerAnswers,
                               Instant now) {
        requireState(DeliveryState.SENDING);
        DeliveryChange change = DeliveryChange.from(id, state).heldBy(sendingBy);
        state = DeliveryState.SENT;
        provider = acceptedBy;
        parts = partCount;
        providerMessageIds = new ArrayList<>(messageIds);
        attempts.addAll(providerAnswers);
        updatedAt = now;
        return change.set("state", state).set("provider", acceptedBy).set("parts", partCount)
                .set("providerMessageIds", List.copyOf(messageIds)).set("updatedAt", now).attempts(providerAnswers)
                .event(raiseEvent(new NotificationSent(requestId, channel, maskedRecipient(), acceptedBy, partCount, now)));
    }

    /**
     * This channel failed. When a next channel exists the caller queues it (first: a crash in between loses
     * nothing) and no event is raised, the request is not finished; otherwise NotificationFailed tells the requester.
     */
    public DeliveryChange failed(String reason, List<Attempt> answers, Optional<Channel> fallback, Instant now) {
        if (state.isFinal()) {
            throw new IllegalStateException("delivery " + id + " is already " + state);
        }
        DeliveryChange change = DeliveryChange.from(id, state);
        if (state == DeliveryState.SENDING) {
            change.heldBy(sendingBy);
        }
        state = DeliveryState.FAILED;
        failureReason = reason;
        attempts.addAll(answers);
        updatedAt = now;
        fellBackTo = fallback.orElse(null);
        change.set("state", state).set("failureReason", reason).set("updatedAt", now).attempts(answers);
        if (fallback.isPresent()) {
            return change.set("fellBackTo", fallback.get());
        }
        return change.event(raiseEvent(new NotificationFailed(requestId, channel, maskedRecipient(), reason, now)));
    }

    /** Found SENDING after a crash: the provider may have accepted it, so it is failed, never sent again. */
    public DeliveryChange interrupted(Instant now) {
        requireState(DeliveryState.SENDING);
        return failed("outcome-unknown: interrupted while sending",
                List.of(new Attempt(now, null, "interrupted", "found SENDING after restart")), Optional.empty(), now);
    }

    /** Whether a positive receipt has been recorded for every part the provider accepted. */
    public boolean allPartsDelivered() {
        return !providerMessageIds.isEmpty() && deliveredMessageIds.containsAll(providerMessageIds);
    }

    /** After the last part's receipt was recorded: DELIVERED, with its event. */
    public Optional<DeliveryChange> completeIfAllDelivered(Instant now) {
        if (state != DeliveryState.SENT || !allPartsDelivered()) {
            return Optional.empty();
        }
        DeliveryChange change = DeliveryChange.from(id, state);
        state = DeliveryState.DELIVERED;
        updatedAt = now;
        return Optional.of(change.set("state", state).set("updatedAt", now)
                .event(raiseEvent(new NotificationDelivered(requestId, channel, maskedRecipient(), now))));
    }

    /** What a receipt needs to know about this delivery, kept in memory by the instance that sent it. */
    public SentSms sentSms() {
        return new SentSms(id, requestId, channel, maskedRecipient(), provider, List.copyOf(providerMessageIds));
    }

    private OutboxMessage raiseEvent(CityEvent event) {
        raise(event);
        List<OutboxMessage> pending = pendingEvents();
        return pending.get(pending.size() - 1);
    }

    public String maskedRecipient() {
        return channel == Channel.SMS ? Masking.phone(PhoneNumbers.international(phone)) : Masking.email(email);
    }

    private void requireState(DeliveryState expected) {
        if (state != expected) {
            throw new IllegalStateException("delivery " + id + " is " + state + ", not " + expected);
        }
    }

    public String id() {
        return id;
    }

    public String requestId() {
        return requestId;
    }

    public Channel channel() {
        return channel;
    }

    public List<Channel> channels() {
        return channels;
    }

    public String template() {
        return template;
    }

    public String locale() {
        return locale;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public NotificationPriority priority() {
        return priority;
    }

    public String origin() {
        return origin;
    }

    public String recipientName() {
        return recipientName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    List<String> recipientKeys() {
        return recipientKeys;
    }

    public DeliveryState state() {
        return state;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant sendingSince() {
        return sendingSince;
    }

    public String sendingBy() {
        return sendingBy;
    }

    /** In the order the receipts came. */
    public Set<String> deliveredMessageIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(deliveredMessageIds));
    }

    public String provider() {
        return provider;
    }

    public List<String> providerMessageIds() {
        return List.copyOf(providerMessageIds);
    }

    public int parts() {
        return parts;
    }

    public String failureReason() {
        return failureReason;
    }

    public Channel fellBackTo() {
        return fellBackTo;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }
}
