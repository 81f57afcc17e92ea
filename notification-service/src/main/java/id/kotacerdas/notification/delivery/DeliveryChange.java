package id.kotacerdas.notification.delivery;

import com.mongodb.client.model.UpdateOneModel;
import id.kotacerdas.support.outbox.OutboxMessage;
import id.kotacerdas.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One transition of one delivery as a conditional update by {@code _id}: it applies only while the delivery is
 * still in the state it was decided from (and, out of SENDING, still held by the same sender). That condition is
 * what makes every transition happen at most once across threads and instances; the embedded store answers it
 * through the {@code _id} index. The update sets only the fields the transition changes and pushes its attempts
 * and its outbox events, so it never writes back an outbox the relay has emptied meanwhile.
 */
public final class DeliveryChange {

    private final String deliveryId;
    private final Document filter;
    private final Document set = new Document();
    private final Document addToSet = new Document();
    private final List<Document> attempts = new ArrayList<>();
    private final List<Document> events = new ArrayList<>();
    private boolean eventsMayWait;
    /** The relay's lease, written with the events so that the relay need not claim the delivery. */
    private Document lease;

    private DeliveryChange(String deliveryId, DeliveryState from) {
        this.deliveryId = deliveryId;
        this.filter = new Document("_id", deliveryId).append("state", from.name());
    }

    static DeliveryChange from(String deliveryId, DeliveryState from) {
        return new DeliveryChange(deliveryId, from);
    }

    /** Only while the delivery is held by this sender (see {@link Delivery#sendingBy()}). */
    DeliveryChange heldBy(String sendingBy) {
        filter.append("sendingBy", sendingBy);
        return this;
    }

    /** Only while the array {@code field} does not hold {@code value} yet. */
    DeliveryChange unlessHolding(String field, Object value) {
        filter.append(field, new Document("$ne", value));
        return this;
    }

    DeliveryChange set(String field, Object value) {
        set.append(field, value instanceof Instant instant ? Date.from(instant)
                : value instanceof Enum<?> constant ? constant.name() : value);
        return this;
    }

    DeliveryChange addToSet(String field, Object value) {
        addToSet.append(field, value);
        return this;
    }

    DeliveryChange attempt(Attempt attempt) {
        attempts.add(MappedDocuments.of(attempt));
        return this;
    }

    DeliveryChange attempts(List<Attempt> added) {
        added.forEach(this::attempt);
        return this;
    }

    DeliveryChange event(OutboxMessage message) {
        events.add(MappedDocuments.of(message));
        return this;
    }

    /** Its events may wait a moment for the delivery's next change, to be relayed together ({@link OutboxNudges}). */
    DeliveryChange eventsMayWait() {
        eventsMayWait = true;
        return this;
    }

    /** Writes the relay's lease ({@code OutboxRelay.newLease()}) with the events, if the change raises any. */
    DeliveryChange leasedWith(Document leaseFields) {
        this.lease = leaseFields;
        return this;
    }

    private boolean isLeased() {
        return lease != null && !events.isEmpty();
    }

    boolean letsEventsWait() {
        return eventsMayWait;
    }

    public String deliveryId() {
        return deliveryId;
    }

    /** Whether applying it leaves events in the delivery's outbox for the relay. */
    public boolean raisesEvents() {
        return !events.isEmpty();
    }

    Document filter() {
        return filter;
    }

    Document update() {
        Document update = new Document();
        Document setting = events.isEmpty() ? set : new Document(set).append(OutboxRelay.PENDING, true);
        if (isLeased()) {
            setting.putAll(lease);
        }
        if (!setting.isEmpty()) {
            update.append("$set", setting);
        }
        if (!addToSet.isEmpty()) {
            update.append("$addToSet", addToSet);
        }
        Document push = new Document();
        if (!attempts.isEmpty()) {
            push.append("attempts", new Document("$each", attempts));
        }
        if (!events.isEmpty()) {
            push.append("outbox", new Document("$each", events));
        }
        if (!push.isEmpty()) {
            update.append("$push", push);
        }
        return update;
    }

    UpdateOneModel<Document> toWriteModel() {
        return new UpdateOneModel<>(filter, update());
    }

    @Override
    public String toString() {
        return "DeliveryChange" + filter.toJson() + " " + update().toJson();
    }
}
