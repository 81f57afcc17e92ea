package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index, kept in memory, for equality lookups on its first key: for each value of that key (each
 * element, when the value is an array) the positions of the documents holding it, by {@code _id}. mongo-java-server
 * ignores non-unique indexes, so {@code {state: "QUEUED", dueAt: {$lte: t}}} or {@code {geoCells: {$in: [...]}}}
 * scanned the collection. Callers filter the candidates with the whole query. Rebuilt from the documents when a
 * store on file is opened.
 */
final class EqualityIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final FirstKey firstKey;
    private final Map<KeyValue, Map<Object, P>> positions = new HashMap<>();
    private long entries;

    EqualityIndex(String name, List<IndexKey> keys) {
        // "sparse": documents without the key may be absent, so the collection does not expect a position back
        super(name, keys, true);
        this.firstKey = new FirstKey(keys.get(0));
    }

    /** The positions of documents whose first key equals one of {@code values} (already known to be plain). */
    private synchronized Collection<P> candidates(Collection<?> values) {
        Set<P> found = new LinkedHashSet<>();
        for (Object value : values) {
            for (KeyValue key : firstKey.keyValues(firstKey.holding(value))) {
                Map<Object, P> byId = positions.get(key);
                if (byId != null) {
                    found.addAll(byId.values());
                }
            }
        }
        return found;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        add(document, firstKey.keyValues(document), position);
    }

    private void add(Document document, Set<KeyValue> keys, P position) {
        Object id = document.get(ID);
        for (KeyValue key : keys) {
            if (positions.computeIfAbsent(key, k -> new HashMap<>()).put(id, position) == null) {
                entries++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        remove(document, firstKey.keyValues(document));
        return null;
    }

    private void remove(Document document, Set<KeyValue> keys) {
        Object id = document.get(ID);
        for (KeyValue key : keys) {
            Map<Object, P> byId = positions.get(key);
            if (byId != null && byId.remove(id) != null) {
                entries--;
                if (byId.isEmpty()) {
                    positions.remove(key);
                }
            }
        }
    }

    /**
     * Removes and re-adds the document, reading each version's key values once. Even when they did not change it
     * removes and re-adds it: that moves the entry within its hash bucket, and so the order in which an
     * unsorted query returns candidates; skipping it would change answers that depend on that order (which
     * document {@code updateOne} or {@code findOneAndUpdate} picks among several). The reading was the cost.
     */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        remove(oldDocument, firstKey.keyValues(oldDocument));
        add(newDocument, firstKey.keyValues(newDocument), position);
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    /** True when the query pins the first key; the caller filters the candidates with the whole query. */
    @Override
    public boolean canHandle(Document query) {
        return IndexedQueries.pinnedValues(query, firstKey.field()) != null;
    }

    /** Documents whose first key has a value the query pins it to (none when it pins nothing). */
    @Override
    public Iterable<P> getPositions(Document query) {
        Collection<?> values = IndexedQueries.pinnedValues(query, firstKey.field());
        return values == null ? List.of() : candidates(values);
    }

    @Override
    public synchronized long getCount() {
        return entries;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        entries = 0;
    }

    /**
     * Extracts the first key's normalized values the way mongo-java-server's own indexes do (arrays: each element),
     * through {@link KeyPaths} (its path split once); a path the library treats specially is read by the library.
     */
    private record FirstKey(String field, String[] path, EmptyIndex<Object> extractor) {

        FirstKey(IndexKey key) {
            this(key.getKey(), KeyPaths.split(key.getKey()), new EmptyIndex<>("first-key", List.of(key)));
        }

        Set<KeyValue> keyValues(Document document) {
            if (path == null) {
                return extractor.getKeyValues(document);
            }
            return KeyPaths.singleKeyValues(KeyPaths.valueAt(document, path, 0));
        }

        /** A document holding just {@code value} at the key's (possibly dotted) path. */
        Document holding(Object value) {
            String[] steps = path != null ? path : field.split("\\.");
            Object nested = value;
            for (int i = steps.length - 1; i > 0; i--) {
                nested = new Document(steps[i], nested);
            }
            return new Document(steps[0], nested);
        }
    }
}
