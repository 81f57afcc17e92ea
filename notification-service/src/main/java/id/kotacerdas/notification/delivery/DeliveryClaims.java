package id.kotacerdas.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;

/**
 * Exclusive rights to move a delivery out of a state, across threads and instances. A claim is a document
 * whose {@code _id} is the claim key: inserting it is atomic and hits only the {@code _id} index, and a
 * duplicate key means someone else holds it. This replaces optimistic locking, whose {@code {_id, version}}
 * filter the embedded store answers by scanning the whole deliveries collection. A claim is kept once its
 * holder changed the delivery: each one guards a transition that happens at most once in its life.
 */
@Component
public class DeliveryClaims {

    static final String COLLECTION = "delivery_claims";

    /** The transitions that need one owner. */
    public enum Step {
        /** QUEUED → SENDING (or QUEUED → FAILED without sending). */
        SEND,
        /** SENDING → SENT / FAILED: the sender's answer, or the sweep's "interrupted". */
        SETTLE,
        /** SENT → DELIVERED / FAILED from delivery receipts. */
        FINAL
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public DeliveryClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return true when this caller now holds the claim, false when it was already taken */
    public boolean claim(String deliveryId, Step step) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key(deliveryId, step))
                    .append("owner", owner).append("at", Date.from(clock.instant())));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives a claim back; only for a holder that has not changed anything yet. */
    public void release(String deliveryId, Step step) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", key(deliveryId, step)));
    }

    /** When the claim was taken, if it was. */
    public Optional<Instant> claimedAt(String deliveryId, Step step) {
        Document claim = mongo.getCollection(COLLECTION).find(Filters.eq("_id", key(deliveryId, step))).first();
        return Optional.ofNullable(claim).map(c -> c.getDate("at")).map(Date::toInstant);
    }

    private static String key(String deliveryId, Step step) {
        return deliveryId + "#" + step.name().toLowerCase();
    }
}
