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
        for (KeyValue key : firstKey.keyValues(document)) {
            if (positions.computeIfAbsent(key, k -> new HashMap<>()).put(document.get(ID), position) == null) {
                entries++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        for (KeyValue key : firstKey.keyValues(document)) {
            Map<Object, P> byId = positions.get(key);
            if (byId != null && byId.remove(document.get(ID)) != null) {
                entries--;
                if (byId.isEmpty()) {
                    positions.remove(key);
                }
            }
        }
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
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

    /** Extracts the first key's normalized values the way mongo-java-server's own indexes do (arrays: each element). */
    private record FirstKey(String field, EmptyIndex<Object> extractor) {

        FirstKey(IndexKey key) {
            this(key.getKey(), new EmptyIndex<>("first-key", List.of(key)));
        }

        Set<KeyValue> keyValues(Document document) {
            return extractor.getKeyValues(document);
        }

        /** A document holding just {@code value} at the key's (possibly dotted) path. */
        Document holding(Object value) {
            String[] path = field.split("\\.");
            Object nested = value;
            for (int i = path.length - 1; i > 0; i--) {
                nested = new Document(path[i], nested);
            }
            return new Document(path[0], nested);
        }
    }
}
