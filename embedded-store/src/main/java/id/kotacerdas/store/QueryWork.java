package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents the store's queries examined, like MongoDB's {@code totalDocsExamined}; shared by a backend.
 * A query that examines {@value #WIDE_QUERY} documents or more is a <em>wide query</em>: it holds its collection's lock
 * that long, so it is counted and its shape logged (at most once a minute per collection and shape), as MongoDB
 * logs slow queries with their plan.
 */
public final class QueryWork {

    static final long WIDE_QUERY = 1_000;
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(QueryWork.class);

    private final LongAdder documentsExamined = new LongAdder();
    private final LongAdder wideQueries = new LongAdder();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    void examined() {
        documentsExamined.increment();
    }

    /** One query (or an update's or delete's selection) on {@code collection} examined {@code examined} documents. */
    void queried(String collection, Document query, long examined) {
        if (examined < WIDE_QUERY) {
            return;
        }
        wideQueries.increment();
        String shape = collection + " " + QueryShape.of(query);
        long now = System.nanoTime();
        Long last = lastLogged.get(shape);
        if (last == null || now - last >= LOG_INTERVAL_NANOS) {
            lastLogged.put(shape, now);
            log.warn("Wide query: {} examined {} documents", shape, examined);
        }
    }

    public long documentsExamined() {
        return documentsExamined.sum();
    }

    /** Queries that examined {@value #WIDE_QUERY} documents or more. */
    public long wideQueries() {
        return wideQueries.sum();
    }
}
