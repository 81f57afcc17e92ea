package id.kotacerdas.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The deliveries collection. */
@Component
public class DeliveryStore {

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

    /** Saves a change; throws {@code OptimisticLockingFailureException} when someone changed it meanwhile. */
    public Delivery save(Delivery delivery) {
        return mongo.save(delivery);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    public Optional<Delivery> findByProviderMessageId(String messageId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("providerMessageIds").is(messageId)),
                Delivery.class));
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
