package id.kotacerdas.intake.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;

import id.kotacerdas.support.outbox.OutboxRelay;
import id.kotacerdas.support.problem.NotFoundException;

/** Loading and saving reports. Changes go through {@link #change}, which retries when another writer won. */
@Component
public class Reports {

    private static final int ATTEMPTS = 8;
    /** Set by {@link #saveAllUnlessChangedMeanwhile} to tell the documents it saved; not mapped, dropped by later saves. */
    private static final String SAVED_BY = "savedBy";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public Reports(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Optional<Report> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Report.class));
    }

    public Optional<Report> byTrackingNumber(String trackingNumber) {
        if (trackingNumber == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("trackingNumber").is(trackingNumber)),
                Report.class));
    }

    public Report require(String trackingNumber) {
        return byTrackingNumber(trackingNumber)
                .orElseThrow(() -> new NotFoundException("No report " + trackingNumber));
    }

    /** Inserts a new report; a second insert of the same id fails with a DuplicateKeyException. */
    Report insert(Report report) {
        return mongo.insert(report);
    }

    /** The reports with these ids, read together; an id without a report is not in the map. */
    public Map<String, Report> byIds(Collection<String> ids) {
        Map<String, Report> found = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), Report.class)
                    .forEach(report -> found.put(report.id(), report));
        }
        return found;
    }

    /**
     * Applies {@code change} to the current version of the report and saves it with its events in one write.
     * When another writer saved in between, the change is applied again to the newer version.
     */
    public Report change(String id, Consumer<Report> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Report report = byId(id).orElseThrow(() -> new NotFoundException("No report " + id));
            change.accept(report);
            Save save = Save.of(report, mongo, relay);
            if (mongo.getCollection(Report.COLLECTION).replaceOne(save.unchangedSinceLoad(), save.next())
                    .getMatchedCount() == 1) {
                relayEventsOf(report);
                return report;
            }
            backOff(attempt);
        }
        throw new OptimisticLockingFailureException("Report " + id + " kept changing; gave up after " + ATTEMPTS
                + " attempts");
    }

    /**
     * Saves reports read and changed since, in one write, each only if nobody touched it since it was read (the
     * condition {@link #change} saves under). Returns the ids of those another writer changed meanwhile: they are not
     * saved, and the caller applies its change again through {@link #change}.
     * <p>
     * A bulk write tells how many documents matched, not which: when some did not, each document this write saved
     * is told apart by the token it was saved with.
     */
    public Set<String> saveAllUnlessChangedMeanwhile(Collection<Report> changed) {
        if (changed.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        List<ReplaceOneModel<Document>> saves = new ArrayList<>(changed.size());
        for (Report report : changed) {
            Save save = Save.of(report, mongo, relay);
            saves.add(new ReplaceOneModel<>(save.unchangedSinceLoad(), save.next().append(SAVED_BY, token)));
        }
        MongoCollection<Document> documents = mongo.getCollection(Report.COLLECTION);
        long matched = documents.bulkWrite(saves, new BulkWriteOptions().ordered(false)).getMatchedCount();
        Set<String> notSaved = new HashSet<>();
        if (matched < changed.size()) {
            changed.forEach(report -> notSaved.add(report.id()));
            // by _id alone, which the embedded store answers from its index
            documents.find(Filters.in("_id", List.copyOf(notSaved))).projection(Projections.include(SAVED_BY))
                    .forEach(document -> {
                        if (token.equals(document.getString(SAVED_BY))) {
                            notSaved.remove(document.getString("_id"));
                        }
                    });
        }
        changed.stream().filter(report -> !notSaved.contains(report.id())).forEach(this::relayEventsOf);
        return notSaved;
    }

    /**
     * The relay's claim and release of the outbox also count as changes: under load they can win several times in a
     * row, so later attempts wait a little longer (with jitter, so two writers do not keep colliding).
     */
    private static void backOff(int attempt) {
        long millis = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OptimisticLockingFailureException("interrupted while saving a report", e);
        }
    }

    /**
     * A changed report as its next version, saved only if the document is as it was read: neither another writer
     * (version) nor the outbox relay (outbox size, another instance's lease) touched it since. Without the outbox
     * condition, a save could put back events the relay had just published and removed, and they would be published
     * twice. A report with events is saved with this instance's relay's lease, so that the relay reads it instead of
     * claiming it; that also lets the save go over the lease of this instance's relay (see
     * {@link OutboxRelay#notLeasedByAnotherRelay}) instead of waiting for the relay to finish.
     */
    private record Save(Bson unchangedSinceLoad, Document next) {

        static Save of(Report report, MongoTemplate mongo, OutboxRelay relay) {
            Document next = new Document();
            mongo.getConverter().write(report, next);
            long version = next.get("version", Number.class).longValue();
            next.put("version", version + 1);
            if (!report.pendingEvents().isEmpty()) {
                next.putAll(relay.newLease());
            }
            return new Save(Filters.and(Filters.eq("_id", report.id()), Filters.eq("version", version),
                    relay.notLeasedByAnotherRelay(), Filters.size("outbox", report.eventsPendingAtLoad())), next);
        }
    }

    private void relayEventsOf(Report report) {
        if (!report.pendingEvents().isEmpty()) {
            relay.enqueueLeased(Report.COLLECTION, report.id());
        }
    }
}
