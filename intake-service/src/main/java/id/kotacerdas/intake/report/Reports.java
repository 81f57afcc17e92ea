package id.kotacerdas.intake.report;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import id.kotacerdas.support.outbox.OutboxRelay;
import id.kotacerdas.support.problem.NotFoundException;

/** Loading and saving reports. Changes go through {@link #change}, which retries when another writer won. */
@Component
public class Reports {

    private static final int ATTEMPTS = 8;

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

    /**
     * Applies {@code change} to the current version of the report and saves it with its events in one write.
     * When another writer saved in between, the change is applied again to the newer version.
     */
    public Report change(String id, Consumer<Report> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Report report = byId(id).orElseThrow(() -> new NotFoundException("No report " + id));
            int pendingBefore = report.pendingEvents().size();
            change.accept(report);
            if (replaceUnlessChangedMeanwhile(report, pendingBefore)) {
                if (!report.pendingEvents().isEmpty()) {
                    relay.enqueue(Report.COLLECTION, id);
                }
                return report;
            }
            backOff(attempt);
        }
        throw new OptimisticLockingFailureException("Report " + id + " kept changing; gave up after " + ATTEMPTS
                + " attempts");
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
     * Replaces the document only if neither another writer (version) nor the outbox relay (outbox size, lease)
     * touched it since it was read. Without the outbox condition, a replace could put back events the relay
     * had just published and removed, and they would be published twice.
     */
    private boolean replaceUnlessChangedMeanwhile(Report report, int pendingBefore) {
        Document document = new Document();
        mongo.getConverter().write(report, document);
        long version = document.get("version", Number.class).longValue();
        document.put("version", version + 1);
        Bson unchanged = Filters.and(Filters.eq("_id", report.id()), Filters.eq("version", version),
                Filters.eq("outboxLeaseOwner", document.get("outboxLeaseOwner")),
                Filters.size("outbox", pendingBefore));
        return mongo.getCollection(Report.COLLECTION).replaceOne(unchanged, document).getMatchedCount() == 1;
    }
}
