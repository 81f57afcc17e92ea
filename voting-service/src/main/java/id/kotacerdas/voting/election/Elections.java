package id.kotacerdas.voting.election;

import id.kotacerdas.support.problem.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * Loads and saves election aggregates. Changes go through {@link #change}, which re-reads and re-applies
 * the change when another request (or instance) saved the election in between (optimistic locking).
 */
@Component
public class Elections {

    private static final int ATTEMPTS = 8;

    private final MongoTemplate mongo;

    public Elections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Election get(String id) {
        Election election = mongo.findById(id, Election.class);
        if (election == null) {
            throw new NotFoundException("No election " + id);
        }
        return election;
    }

    /** Only the state, for hot paths that must not load the whole manifest. */
    public ElectionState stateOf(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("state");
        var document = mongo.findOne(query, org.bson.Document.class, "elections");
        if (document == null) {
            throw new NotFoundException("No election " + id);
        }
        return ElectionState.valueOf(document.getString("state"));
    }

    public List<Election> all() {
        return mongo.findAll(Election.class);
    }

    public void create(Election election) {
        mongo.insert(election);
    }

    public <T> T change(String id, Function<Election, T> change) {
        OptimisticLockingFailureException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Election election = get(id);
            T result = change.apply(election);
            try {
                mongo.save(election);
                return result;
            } catch (OptimisticLockingFailureException e) {
                last = e;
            }
        }
        throw last;
    }
}
