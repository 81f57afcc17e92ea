package id.kotacerdas.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the few documents a query can match through an index, however many other conditions the query has: first a
 * unique index whose every key the query pins to plain values (or, for a single-key index, to {@code $in} of plain
 * values), else an {@link EqualityIndex} whose first key the query pins that way. mongo-java-server alone uses an
 * index only when the query has exactly the index's keys, so {@code {_id, version}} (an optimistic-locking save),
 * {@code {_id, state}} (a conditional update) or any query on a non-unique index scanned the whole collection under
 * its lock. The candidates are then filtered with the complete query, so the answer is the same; only the work is
 * not.
 */
final class IndexedQueries {

    private IndexedQueries() {
    }

    /** Candidate positions for {@code query}, or {@code null} when no index can narrow it down. */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                continue;
            }
            Document pinned = pinnedKeys(index.getKeys(), query);
            if (pinned != null) {
                return index.getPositions(pinned);
            }
        }
        for (Index<P> index : indexes) {
            if (index instanceof EqualityIndex<P> && index.canHandle(query)) {
                return index.getPositions(query);
            }
        }
        return null;
    }

    /**
     * The values a query pins {@code field} to (one plain value, or the plain values of an {@code $in}), at the top
     * level or inside a top-level {@code $and}; {@code null} when it does not pin the field.
     */
    static Collection<?> pinnedValues(Document query, String field) {
        Object value = conjunct(query, field);
        if (isPlain(value)) {
            return List.of(value);
        }
        if (isInOfPlainValues(value)) {
            return (Collection<?>) ((Document) value).get("$in");
        }
        return null;
    }

    /**
     * The operator document (e.g. {@code {$lte: ...}}) a query puts on {@code field}, at the top level or inside a
     * top-level {@code $and}; {@code null} when there is none.
     */
    static Document operatorsOn(Document query, String field) {
        if (query.get(field) instanceof Document operators) {
            return operators;
        }
        if (query.get("$and") instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document part && part.get(field) instanceof Document operators) {
                    return operators;
                }
            }
        }
        return null;
    }

    private static Document pinnedKeys(List<IndexKey> keys, Document query) {
        Document pinned = new Document();
        for (IndexKey key : keys) {
            Object value = conjunct(query, key.getKey());
            if (isPlain(value)) {
                pinned.put(key.getKey(), value);
            } else if (keys.size() == 1 && isInOfPlainValues(value)) {
                pinned.put(key.getKey(), value);
            } else {
                return null;
            }
        }
        return pinned;
    }

    /**
     * The condition on {@code field} that every match must meet: at the top level or inside a top-level
     * {@code $and} (the MongoDB driver writes {@code Filters.and} that way); {@code null} when there is none.
     */
    private static Object conjunct(Document query, String field) {
        Object value = query.get(field);
        if (value != null || query.containsKey(field)) {
            return value;
        }
        if (query.get("$and") instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document part) {
                    Object nested = conjunct(part, field);
                    if (isPlain(nested) || isInOfPlainValues(nested)) {
                        return nested;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isInOfPlainValues(Object value) {
        if (!(value instanceof Document document) || document.size() != 1
                || !(document.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        return values.stream().allMatch(IndexedQueries::isPlain);
    }

    /** A value that equality in the index and in the query matcher treat alike: no null, operator, array or regex. */
    static boolean isPlain(Object value) {
        return value != null
                && !(value instanceof Map<?, ?>)
                && !(value instanceof Collection<?>)
                && !(value instanceof Object[])
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
