package id.kotacerdas.routing.assignment;

import id.kotacerdas.support.outbox.OutboxRelay;
import id.kotacerdas.support.problem.ConflictException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Loading and storing assignment documents; every write is conditional (new key, or unchanged version). */
@Component
public class Assignments {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public Assignments(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** @return false when the report already has its assignment (redelivery, or another instance was first) */
    public boolean insertIfAbsent(Assignment assignment) {
        try {
            mongo.insert(assignment);
            return true;
        } catch (DuplicateKeyException alreadyRouted) {
            return false;
        }
    }

    /**
     * Many new assignments in one write, the ones whose report already has its assignment left out (one read first).
     * Should another instance route one of them between the read and the write, the write stops at it, having
     * inserted the ones before it; each is then inserted on its own, and one the failed write did insert is
     * recognised by its assignment id and handed to the relay here, as its save event never came.
     *
     * @return the assignments inserted
     */
    public List<Assignment> insertAbsent(List<Assignment> batch) {
        Query existing = Query.query(Criteria.where("_id").in(batch.stream().map(Assignment::reportId).toList()));
        existing.fields().include("_id");
        Set<String> routed = new HashSet<>();
        mongo.find(existing, Document.class, mongo.getCollectionName(Assignment.class))
                .forEach(document -> routed.add(document.getString("_id")));
        List<Assignment> fresh = batch.stream().filter(assignment -> routed.add(assignment.reportId())).toList();
        if (fresh.isEmpty()) {
            return fresh;
        }
        try {
            mongo.insertAll(fresh);
            return fresh;
        } catch (DuplicateKeyException routedMeanwhile) {
            return fresh.stream().filter(assignment -> insertIfAbsent(assignment) || insertedByTheFailedWrite(assignment))
                    .toList();
        }
    }

    private boolean insertedByTheFailedWrite(Assignment assignment) {
        boolean ours = forReport(assignment.reportId())
                .map(stored -> stored.assignmentId().equals(assignment.assignmentId())).orElse(false);
        if (ours) {
            relay.enqueueLeased(mongo.getCollectionName(Assignment.class), assignment.reportId());
        }
        return ours;
    }

    public Optional<Assignment> forReport(String reportId) {
        return Optional.ofNullable(mongo.findById(reportId, Assignment.class));
    }

    public Optional<Assignment> byAssignmentId(String assignmentId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("assignmentId").is(assignmentId)),
                Assignment.class));
    }

    /** An earlier stop of a report that has since moved on. */
    public Optional<Assignment> byPastAssignmentId(String assignmentId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("hops.assignmentId").is(assignmentId)),
                Assignment.class));
    }

    /** @throws OptimisticLockingFailureException when someone else changed the assignment since it was loaded */
    public Assignment save(Assignment assignment) {
        return mongo.save(assignment);
    }

    /** For requests: a concurrent change is the caller's conflict to resolve by reloading. */
    public Assignment saveForRequest(Assignment assignment) {
        try {
            return mongo.save(assignment);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("The assignment was changed concurrently; reload and retry");
        }
    }
}
