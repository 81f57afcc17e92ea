package id.kotacerdas.notification.delivery;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries collection. Every per-message operation filters on {@code _id} alone: the embedded
 * store uses an index only when the filter's keys are exactly the index's keys, anything else scans the
 * whole collection under its lock. The scanning queries ({@link #dueQueued}, {@link #sendingSince}, the
 * operator look-ups) run per sweep or per operator request, never per message.
 */
@Component
public class DeliveryStore {

    /** Provider message id → delivery id, so a receipt finds its delivery by {@code _id}. */
    static final String MESSAGE_IDS = "sms_message_ids";

    private final MongoTemplate mongo;

    public DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new delivery; false when one exists already for its (request id, channel). */
    public boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Replaces the delivery by {@code _id}. Callers hold the {@link DeliveryClaims} claim for the transition
     * they save, so nobody else changes the same fields meanwhile.
     */
    public Delivery save(Delivery delivery) {
        return mongo.save(delivery);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** Remembers which delivery the provider's message ids belong to (a repeat of the same ids changes nothing). */
    public void rememberMessageIds(String deliveryId, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(MESSAGE_IDS).insertMany(messageIds.stream()
                            .map(id -> new Document("_id", id).append("deliveryId", deliveryId)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException | DuplicateKeyException e) {
            // already remembered: a retry after a crash between the two writes
        }
    }

    public Optional<String> deliveryIdOfMessage(String messageId) {
        Document found = mongo.getCollection(MESSAGE_IDS).find(Filters.eq("_id", messageId)).first();
        return Optional.ofNullable(found).map(f -> f.getString("deliveryId"));
    }

    /** Records one part's positive receipt atomically; returns the delivery as it is afterwards. */
    public Optional<Delivery> recordDeliveredPart(String deliveryId, String messageId, Attempt receipt) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(deliveryId)),
                new Update().addToSet("deliveredMessageIds", messageId).push("attempts", receipt)
                        .set("updatedAt", receipt.at()),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    public List<Delivery> dueQueued(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("state").is(DeliveryState.QUEUED).and("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(limit), Delivery.class);
    }

    public List<Delivery> sendingSince(Instant before, int limit) {
        return mongo.find(Query.query(Criteria.where("state").is(DeliveryState.SENDING).and("sendingSince").lt(before))
                .limit(limit), Delivery.class);
    }

    public List<Delivery> byRequestId(String requestId) {
        return mongo.find(Query.query(Criteria.where("requestId").is(requestId)).with(Sort.by("createdAt")),
                Delivery.class);
    }

    public List<Delivery> byRecipientKey(String key, int limit) {
        return mongo.find(Query.query(Criteria.where("recipientKeys").is(key))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class);
    }
}
