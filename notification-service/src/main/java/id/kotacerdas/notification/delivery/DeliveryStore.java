package id.kotacerdas.notification.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import id.kotacerdas.contracts.notification.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The deliveries collection, written in batches: one unordered insert for the deliveries of a whole batch of
 * requests, one bulk write for the transitions of a whole dispatch batch. Every per-message filter pins
 * {@code _id}, which the embedded store answers through its index; the scanning queries ({@link #dueQueued},
 * {@link #sendingSince}, the operator look-ups) run per sweep or per operator request, never per message; receipts
 * find their deliveries through the index of provider message ids.
 */
@Component
public class DeliveryStore {

    private final MongoTemplate mongo;
    private final OutboxNudges relay;
    /** Looked up once: going through the template for every write costs a database look-up each time. */
    private final MongoCollection<Document> deliveryCollection;

    DeliveryStore(MongoTemplate mongo, OutboxNudges relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.deliveryCollection = mongo.getCollection(Delivery.COLLECTION);
    }

    /** Stores a new delivery; false when one exists already for its (request id, channel). */
    public boolean insertIfAbsent(Delivery delivery) {
        Insertion insertion = insertAllIfAbsent(List.of(delivery));
        if (!insertion.failures().isEmpty()) {
            throw insertion.failures().get(0);
        }
        return !insertion.inserted().isEmpty();
    }

    /**
     * Stores new deliveries in one unordered insert. A duplicate key (on {@code _id} or on (request id, channel))
     * means that (request id, channel) is already known: skipped, which is what makes a redelivered or repeated
     * request change nothing, within a batch as across batches. Any other refusal is reported for that delivery
     * alone; the others are stored all the same.
     */
    public Insertion insertAllIfAbsent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return new Insertion(List.of(), new TreeMap<>());
        }
        List<Document> documents = new ArrayList<>(deliveries.size());
        deliveries.forEach(delivery -> documents.add(MappedDocuments.of(delivery)));
        Set<Integer> duplicates = new HashSet<>();
        SortedMap<Integer, RuntimeException> failures = new TreeMap<>();
        try {
            deliveryCollection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    duplicates.add(error.getIndex());
                } else {
                    failures.put(error.getIndex(), new IllegalStateException("delivery "
                            + deliveries.get(error.getIndex()).id() + " not stored: " + error.getMessage()));
                }
            }
        }
        List<Delivery> inserted = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            if (!duplicates.contains(i) && !failures.containsKey(i)) {
                inserted.add(deliveries.get(i));
            }
        }
        return new Insertion(inserted, failures);
    }

    /**
     * @param inserted the deliveries that are new
     * @param failures by index in the deliveries given, those the store refused for another reason than a duplicate
     */
    public record Insertion(List<Delivery> inserted, SortedMap<Integer, RuntimeException> failures) {
    }

    /** @return true when the delivery was still as the change expected, and is changed now */
    public boolean apply(DeliveryChange change) {
        leaseEventsOf(List.of(change));
        boolean applied = deliveryCollection.updateOne(change.filter(), change.update()).getMatchedCount() == 1;
        if (applied) {
            relayEventsOf(List.of(change));
        }
        return applied;
    }

    /** Applies every change in one unordered bulk write; returns how many applied (the others' conditions failed). */
    public int applyAll(List<DeliveryChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        leaseEventsOf(changes);
        List<UpdateOneModel<Document>> writes = new ArrayList<>(changes.size());
        changes.forEach(change -> writes.add(change.toWriteModel()));
        int applied = deliveryCollection.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
        // which ones failed their condition is not known here; the relay finds nothing to publish in those
        relayEventsOf(changes);
        return applied;
    }

    /** Applies the change and returns the delivery as it is afterwards; empty when its condition failed. */
    public Optional<Delivery> applyAndGet(DeliveryChange change) {
        leaseEventsOf(List.of(change));
        Document updated = deliveryCollection.findOneAndUpdate(change.filter(), change.update(),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            return Optional.empty();
        }
        relayEventsOf(List.of(change));
        return Optional.of(mongo.getConverter().read(Delivery.class, updated));
    }

    /** Lets each change that raises events lease its delivery to the relay in the same write. */
    private void leaseEventsOf(List<DeliveryChange> changes) {
        for (DeliveryChange change : changes) {
            if (change.raisesEvents()) {
                change.leasedWith(relay.newLease());
            }
        }
    }

    /** Wakes the outbox relay for the events these changes pushed, as a save of the aggregate would. */
    private void relayEventsOf(List<DeliveryChange> changes) {
        for (DeliveryChange change : changes) {
            if (change.raisesEvents() && change.letsEventsWait()) {
                relay.soon(change.deliveryId());
            } else if (change.raisesEvents()) {
                relay.now(change.deliveryId());
            }
        }
    }

    /** Of these deliveries, the ids of those SENDING for {@code sendingBy}. */
    public Set<String> heldBy(Collection<String> ids, String sendingBy) {
        Set<String> held = new HashSet<>();
        for (Document document : deliveryCollection.find(Filters.in("_id", ids))
                .projection(Projections.include("state", "sendingBy"))) {
            if (DeliveryState.SENDING.name().equals(document.getString("state"))
                    && sendingBy.equals(document.getString("sendingBy"))) {
                held.add(document.getString("_id"));
            }
        }
        return held;
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    public List<Delivery> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), Delivery.class);
    }

    /** The deliveries that were given these provider message ids, by the ids' index. */
    public List<Delivery> byMessageIds(Collection<String> messageIds) {
        return messageIds.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("providerMessageIds").in(messageIds)), Delivery.class);
    }

    /** The ids of QUEUED deliveries that are due, oldest first (ids only: most are usually in memory already). */
    public List<String> dueQueued(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        deliveryCollection.find(new Document("state", DeliveryState.QUEUED.name())
                        .append("dueAt", new Document("$lte", Date.from(now))))
                .sort(Sorts.ascending("dueAt")).limit(limit).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** QUEUED deliveries of one channel that are due, oldest first: what waits in the database for a channel's workers. */
    public List<Delivery> dueQueued(Channel channel, Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("state").is(DeliveryState.QUEUED).and("dueAt").lte(now)
                .and("channel").is(channel)).with(Sort.by("dueAt")).limit(limit), Delivery.class);
    }

    /**
     * How many deliveries of a channel are QUEUED, due or not. The {@code count} command rather than
     * {@code countDocuments}: the embedded store answers it through the {@code {state, dueAt}} index, an
     * aggregation by reading every delivery.
     */
    public long queued(Channel channel) {
        Document answer = mongo.getDb().runCommand(new Document("count", Delivery.COLLECTION).append("query",
                new Document("state", DeliveryState.QUEUED.name()).append("channel", channel.name())));
        return ((Number) answer.get("n")).longValue();
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
