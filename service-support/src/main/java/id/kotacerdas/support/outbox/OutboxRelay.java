package id.kotacerdas.support.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import id.kotacerdas.contracts.ContractSchemas;
import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.support.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the events waiting in aggregate documents' {@code outbox} arrays, in order, and removes them
 * once the broker has acknowledged them ({@code acks=all}, idempotent producer).
 * <p>
 * Every write that adds events also sets {@code outboxPending}; the periodic sweep for events nobody relayed
 * reads only the flagged documents, through an index, and unflags those whose outbox is empty. (A scan for
 * non-empty outboxes read every document of the collection: 0.1-0.4 s of the store per sweep at 70,000 reports,
 * a stall of every call to that collection meanwhile.) The first sweep after start still scans, for documents
 * written before the flag existed.
 * <p>
 * A document is relayed under a lease. A write that adds events can take this relay's lease in the same write
 * ({@link #newLease}, done for mapped aggregates by {@link OutboxSaveListener}): the relay then reads the document
 * (one read, no write) and owns it while the lease is still this relay's; documents found by a sweep or nudged
 * without a lease are claimed (one update for a batch). Their events are sent and awaited, then each document whose
 * outbox still holds exactly the sent events is emptied and unflagged (one bulk write), so the sweep finds nothing to
 * unflag; a document changed meanwhile has the sent events removed by id and keeps its newer ones (one update more,
 * and a read to queue them). A document written with the lease thus costs the store one read and one write to
 * relay, instead of two writes. A crash at any point loses nothing: unremoved events are sent again by a sweep once
 * the lease has run out, at worst a second time, which idempotent consumers absorb. Several instances never relay
 * the same document at once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX = "outbox";
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";
    /** The flag every write that adds events to a document's outbox must set (mapped aggregates do it themselves). */
    public static final String PENDING = "outboxPending";
    /** What relaying reads of a claimed document: not the aggregate, which may be many times its events' size. */
    private static final Bson RELAYED_FIELDS = Projections.include(OUTBOX, LEASE_OWNER);
    private static final Bson RELEASE = Updates.combine(Updates.unset(LEASE_UNTIL), Updates.unset(LEASE_OWNER));
    /** For a document whose outbox holds only sent events: nothing left to relay or to sweep for. */
    private static final Bson CLEARED = Updates.combine(Updates.set(OUTBOX, List.of()), Updates.unset(PENDING), RELEASE);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final String source;
    /** Every lease token of this relay starts with it: a lease is this relay's by its prefix. */
    private final String leasePrefix = UUID.randomUUID() + "/";
    /** Lease tokens are told apart by instance (the prefix); the number only keeps them distinct within one. */
    private final AtomicLong leaseNumbers = new AtomicLong();
    private final Bson heldHereFilter = Filters.regex(LEASE_OWNER, "^" + leasePrefix);
    private final Bson notLeasedElsewhere = Filters.or(Filters.eq(LEASE_OWNER, null), heldHereFilter);
    private final Counter published;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** By collection and id: a document is queued once, as leased by its write if any write queuing it was. */
    private final Map<List<Object>, PendingDocument> queue = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread worker;
    private Instant nextSweep = Instant.EPOCH;
    private volatile boolean swept;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       String source, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.published = Counter.builder("outbox.events.published").description("Events relayed to Kafka")
                .register(meters);
    }

    /** Asks the relay to publish this document's pending events soon. */
    public void enqueue(String collection, Object documentId) {
        offer(new PendingDocument(collection, documentId), false);
    }

    /** Asks the relay to publish the events of a document written with this relay's lease ({@link #newLease}). */
    public void enqueueLeased(String collection, Object documentId) {
        offer(new PendingDocument(collection, documentId, true), true);
    }

    /** Queues the document unless it is queued already; {@code replacing}: in its place if it is. */
    private void offer(PendingDocument pending, boolean replacing) {
        lock.lock();
        try {
            List<Object> key = List.of(pending.collection(), pending.id());
            if (replacing) {
                queue.put(key, pending);
            } else {
                queue.putIfAbsent(key, pending);
            }
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The fields that lease a document to this relay, to write (put, or {@code $set}) with the events a write adds,
     * then {@link #enqueueLeased}: no other relay takes the document while the lease is in force, and this one need
     * not claim it.
     */
    public Document newLease() {
        return new Document(LEASE_UNTIL, Date.from(Instant.now().plus(properties.lease())))
                .append(LEASE_OWNER, newLeaseToken());
    }

    /**
     * Documents no other relay holds: unleased, or leased to this one. A conditional replace of a whole document that
     * writes {@link #newLease} with its events may save over this relay's lease: the relay, one batch at a time, then
     * finds newer events than it sent and removes only its own; another relay's lease would be dropped mid-send.
     */
    public Bson notLeasedByAnotherRelay() {
        return notLeasedElsewhere;
    }

    /** Whether a lease of this relay is on the document (one its writes took, or one of its claims left). */
    private boolean heldHere(Document document) {
        String owner = document.getString(LEASE_OWNER);
        return owner != null && owner.startsWith(leasePrefix);
    }

    private String newLeaseToken() {
        return leasePrefix + leaseNumbers.incrementAndGet();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(properties.sendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the Kafka template and Mongo are up; stop before them, after the web server drained. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void run() {
        while (running) {
            try {
                if (!Instant.now().isBefore(nextSweep)) {
                    sweep();
                    nextSweep = Instant.now().plus(properties.sweepInterval());
                }
                List<PendingDocument> batch = takeBatch();
                try {
                    if (!batch.isEmpty()) {
                        relay(batch);
                    }
                } catch (RuntimeException e) {
                    log.warn("Publishing {} documents' events failed, retrying shortly: {}", batch.size(), e.toString());
                    pause();
                    batch.forEach(pending -> offer(pending, false));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed, retrying on the next sweep: {}", e.toString());
                pause();
            }
        }
    }

    private List<PendingDocument> takeBatch() {
        lock.lock();
        try {
            if (queue.isEmpty() && running) {
                long waitMillis = Math.max(1, nextSweep.toEpochMilli() - System.currentTimeMillis());
                work.await(waitMillis, TimeUnit.MILLISECONDS);
            }
            List<PendingDocument> batch = new ArrayList<>();
            var it = queue.values().iterator();
            while (it.hasNext() && batch.size() < properties.batchSize()) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** Finds documents whose events nobody relayed: left by a crash, or by an instance that is gone. */
    void sweep() {
        for (String collection : properties.collections()) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            if (!swept) {
                documents.createIndex(Indexes.ascending(PENDING));
            }
            // a writer adding events sets the flag in the same write, so this never unflags a pending document
            documents.updateMany(Filters.and(Filters.eq(PENDING, true), Filters.exists(OUTBOX + ".0", false)),
                    Updates.unset(PENDING));
            Bson pending = swept ? Filters.and(Filters.eq(PENDING, true), Filters.exists(OUTBOX + ".0"))
                    : Filters.exists(OUTBOX + ".0");
            for (Document doc : documents.find(pending).projection(Projections.include("_id"))) {
                enqueue(collection, doc.get("_id"));
            }
        }
        swept = true;
    }

    /** Publishes the pending events of these documents. Package-visible so tests can drive it step by step. */
    void relay(List<PendingDocument> batch) {
        batch.stream().map(PendingDocument::collection).distinct().forEach(collection -> relay(collection,
                batch.stream().filter(p -> p.collection().equals(collection)).toList()));
    }

    private void relay(String collection, List<PendingDocument> pending) {
        if (pending.size() == 1) {
            relayOne(collection, pending.get(0));
            return;
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        String leaseToken = newLeaseToken();
        Instant now = Instant.now();
        Set<Object> leasedByWrite = new HashSet<>();
        List<Object> unleased = new ArrayList<>();
        for (PendingDocument p : pending) {
            if (p.leasedByWrite()) {
                leasedByWrite.add(p.id());
            } else {
                unleased.add(p.id());
            }
        }
        if (!unleased.isEmpty()) {
            documents.updateMany(claimable(Filters.in("_id", unleased), now), lease(leaseToken, now));
        }
        List<Object> ids = pending.stream().map(PendingDocument::id).toList();
        List<Object> claimedIds = new ArrayList<>();
        List<Object> sentIds = new ArrayList<>();
        List<UpdateOneModel<Document>> clearings = new ArrayList<>();
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
        // queries on _id alone: the embedded store uses its index only for those; the lease is checked here
        for (Document doc : documents.find(Filters.in("_id", ids)).projection(RELAYED_FIELDS)) {
            Object id = doc.get("_id");
            if (!heldHere(doc)) {
                if (leasedByWrite.contains(id) && hasPending(doc)) {
                    enqueue(collection, id); // its write's lease was dropped or taken over since: claim it next
                }
                continue;
            }
            claimedIds.add(id);
            List<Object> sentHere = send(doc, acks);
            sentIds.addAll(sentHere);
            clearings.add(new UpdateOneModel<>(holdingOnly(doc.get("_id"), sentHere), CLEARED));
        }
        if (claimedIds.isEmpty()) {
            return;
        }
        awaitAcknowledgements(acks, () -> documents.updateMany(Filters.in("_id", claimedIds), RELEASE));
        long cleared = documents.bulkWrite(clearings, new BulkWriteOptions().ordered(false)).getMatchedCount();
        published.increment(sentIds.size());
        if (cleared == claimedIds.size()) {
            return;
        }
        // by id, not by lease: a save while sending dropped the lease but must not keep sent events pending
        documents.updateMany(Filters.in("_id", claimedIds), removal(sentIds));
        // events raised while this batch was in flight go next, not at the next sweep
        for (Document doc : documents.find(Filters.in("_id", claimedIds)).projection(Projections.include(OUTBOX))) {
            if (hasPending(doc)) {
                enqueue(collection, doc.get("_id"));
            }
        }
    }

    /**
     * One document, the usual case below a few hundred events per second: the same steps in two round trips
     * instead of three, the read (of a document leased by its write) or the claim returning the document.
     */
    private void relayOne(String collection, PendingDocument pending) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Object id = pending.id();
        Document claimed = pending.leasedByWrite() ? leasedHere(documents, id) : claim(documents, id);
        if (claimed == null) {
            return;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
        List<Object> sentIds = send(claimed, acks);
        awaitAcknowledgements(acks, () -> documents.updateOne(Filters.eq("_id", id), RELEASE));
        long cleared = documents.updateOne(holdingOnly(id, sentIds), CLEARED).getMatchedCount();
        published.increment(sentIds.size());
        if (cleared == 1) {
            return;
        }
        Document left = documents.findOneAndUpdate(Filters.eq("_id", id), removal(sentIds),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(Projections.include(OUTBOX)));
        if (left != null && hasPending(left)) {
            enqueue(collection, id);
        }
    }

    /**
     * The document if the lease its write took is still this relay's; else claimed like any other (a relay removing
     * sent events meanwhile dropped the lease, or it ran out and another relay took the document).
     */
    private Document leasedHere(MongoCollection<Document> documents, Object id) {
        Document document = documents.find(Filters.eq("_id", id)).projection(RELAYED_FIELDS).first();
        if (document == null || heldHere(document)) {
            return document;
        }
        return hasPending(document) ? claim(documents, id) : null;
    }

    private Document claim(MongoCollection<Document> documents, Object id) {
        Instant now = Instant.now();
        return documents.findOneAndUpdate(claimable(Filters.eq("_id", id), now), lease(newLeaseToken(), now),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(RELAYED_FIELDS));
    }

    /**
     * Documents among {@code which} with events and no lease in force but this relay's own (a write's lease whose
     * document a sweep or a retry reaches first: this relay works one batch at a time, so no send of its own is under
     * way for it).
     */
    private Bson claimable(Bson which, Instant now) {
        return Filters.and(which, Filters.exists(OUTBOX + ".0"), Filters.or(Filters.eq(LEASE_UNTIL, null),
                Filters.lt(LEASE_UNTIL, Date.from(now)), heldHereFilter));
    }

    private Bson lease(String leaseToken, Instant now) {
        return Updates.combine(Updates.set(LEASE_UNTIL, Date.from(now.plus(properties.lease()))),
                Updates.set(LEASE_OWNER, leaseToken));
    }

    /** Removes the sent events and the lease. */
    private static Bson removal(List<Object> sentIds) {
        return Updates.combine(
                Updates.pullByFilter(new Document(OUTBOX, new Document("eventId", new Document("$in", sentIds)))),
                RELEASE);
    }

    /**
     * The document {@code id} if its outbox holds exactly these events (ids are unique, so all of them and no more):
     * no writer added events since they were read.
     */
    private static Bson holdingOnly(Object id, List<Object> eventIds) {
        return Filters.and(Filters.eq("_id", id), Filters.size(OUTBOX, eventIds.size()),
                Filters.all(OUTBOX + ".eventId", eventIds));
    }

    /** Sends the document's events; returns their ids. */
    private List<Object> send(Document document, List<CompletableFuture<SendResult<String, byte[]>>> acks) {
        List<Object> sentIds = new ArrayList<>();
        List<Document> outbox = document.getList(OUTBOX, Document.class);
        if (outbox == null) {
            return sentIds;
        }
        for (Document message : outbox) {
            acks.add(kafka.send(envelopeOf(message).toRecord(message.getString("topic"))));
            sentIds.add(message.getString("eventId"));
        }
        return sentIds;
    }

    private static boolean hasPending(Document document) {
        List<?> pending = document.getList(OUTBOX, Object.class);
        return pending != null && !pending.isEmpty();
    }

    private EventEnvelope envelopeOf(Document message) {
        String type = message.getString("type");
        String payload = message.getString("payload");
        if (properties.validateSchemas()) {
            EventCatalog.forType(type).map(d -> ContractSchemas.violations(d, payload)).filter(v -> !v.isEmpty())
                    .ifPresent(v -> {
                        throw new IllegalStateException("Refusing to publish " + type + " that violates its schema: " + v);
                    });
        }
        Date time = message.getDate("time");
        return new EventEnvelope(message.getString("eventId"), source, type, message.getString("subject"),
                time == null ? Instant.now() : time.toInstant(), message.getString("traceparent"), payload);
    }

    /**
     * Waits for the broker's acknowledgements; when they do not come, {@code giveBack} releases the claimed documents
     * at once, so the retry need not wait for the lease to run out. Unacknowledged events are never removed.
     */
    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> acks, Runnable giveBack) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveBack.run();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
            giveBack.run();
            throw new IllegalStateException("Broker did not acknowledge the batch", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A document to relay; {@code leasedByWrite}: written with this relay's lease ({@link #newLease}). */
    record PendingDocument(String collection, Object id, boolean leasedByWrite) {

        PendingDocument(String collection, Object id) {
            this(collection, id, false);
        }
    }
}
