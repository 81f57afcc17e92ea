package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * mongo-java-server's in-memory unique index, with its per-document work done once and cheaply. The library
 * computes a document's key values (a regular-expression split of every key path, streams, maps) five times per
 * index for every updated document — to compare old and new keys in {@code checkUpdate}, to find the position,
 * and to compare them again in {@code updateInPlace} — and twice per inserted document. Here the key paths are
 * split once ({@link KeyPaths}); an update that leaves the keys as they were costs two plain reads and touches
 * nothing. The answers are the library's: the same keys, the same positions, the same duplicate-key errors
 * (message included). Documents with an array on one of the keys, sparse indexes and key paths the library treats
 * specially go to the library's own code unchanged.
 */
final class PlannedUniqueIndex extends MemoryUniqueIndex {

    private final KeyPaths paths;

    PlannedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.paths = new KeyPaths(keys);
    }

    /** The raw key values when this class handles the document itself, else {@code null} (the library does). */
    private Object[] fastRaw(Document document) {
        if (!paths.handled() || isSparse()) {
            return null;
        }
        Object[] raw = paths.raw(document);
        return KeyPaths.anyCollection(raw) ? null : raw;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Object[] raw = paths.handled() ? paths.raw(document) : null;
        if (raw == null || KeyPaths.anyCollection(raw)) {
            return super.getKeyValues(document);
        }
        return Set.of(KeyPaths.normalizedKey(raw));
    }

    @Override
    public Integer getPosition(Document document) {
        Object[] raw = fastRaw(document);
        if (raw == null) {
            return super.getPosition(document);
        }
        return getPosition(KeyPaths.normalizedKey(raw));
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        Object[] raw = fastRaw(document);
        if (raw == null) {
            super.checkAdd(document, collection);
            return;
        }
        refuseDuplicate(raw, KeyPaths.normalizedKey(raw), null, collection);
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        Object[] raw = fastRaw(document);
        if (raw == null) {
            super.add(document, position, collection);
            return;
        }
        put(raw, KeyPaths.normalizedKey(raw), position, collection);
    }

    @Override
    public synchronized Integer remove(Document document) {
        Object[] raw = fastRaw(document);
        if (raw == null) {
            return super.remove(document);
        }
        return removeDocument(KeyPaths.normalizedKey(raw));
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument,
                                         MongoCollection<Integer> collection) {
        Object[] oldRaw = fastRaw(oldDocument);
        Object[] newRaw = oldRaw == null ? null : fastRaw(newDocument);
        if (newRaw == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
            return;
        }
        KeyValue oldKey = KeyPaths.normalizedKey(oldRaw);
        KeyValue newKey = KeyPaths.normalizedKey(newRaw);
        if (oldKey.equals(newKey)) {
            return;
        }
        refuseDuplicate(newRaw, newKey, getPosition(oldKey), collection);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                           MongoCollection<Integer> collection) throws KeyConstraintError {
        Object[] oldRaw = fastRaw(oldDocument);
        Object[] newRaw = oldRaw == null ? null : fastRaw(newDocument);
        if (newRaw == null) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
            return;
        }
        KeyValue oldKey = KeyPaths.normalizedKey(oldRaw);
        KeyValue newKey = KeyPaths.normalizedKey(newRaw);
        if (oldKey.equals(newKey)) {
            return; // the keys did not move: nothing to remove or add
        }
        Integer removed = removeDocument(oldKey);
        if (removed != null) {
            Assert.equals(removed, position);
        }
        put(newRaw, newKey, position, collection);
    }

    /** Answers pinned plain values with one lookup; operators, arrays and regular expressions go to the library. */
    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        List<IndexKey> keys = getKeys();
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = KeyPaths.normalize(query.get(keys.get(i).getKey()));
            if (value instanceof Document || value instanceof Collection<?>
                    || BsonRegularExpression.isRegularExpression(value)) {
                return super.getPositions(query);
            }
            values[i] = value;
        }
        Integer position = getPosition(new KeyValue(values));
        return position == null ? List.of() : List.of(position);
    }

    private void put(Object[] raw, KeyValue key, Integer position, MongoCollection<Integer> collection) {
        refuseDuplicate(raw, key, null, collection);
        boolean added = putKeyPosition(key, position);
        Assert.isTrue(added, () -> "Key " + key + " already exists. Concurrency issue?");
    }

    /** Throws the library's error when another document (not the one at {@code own}) holds {@code key}. */
    private void refuseDuplicate(Object[] raw, KeyValue key, Integer own, MongoCollection<Integer> collection) {
        Integer holder = getPosition(key);
        if (holder != null && !holder.equals(own)) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(raw));
        }
    }
}
