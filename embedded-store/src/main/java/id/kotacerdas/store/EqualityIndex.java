package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-unique index, kept in memory, for equality lookups on its first key: for each value of that key (each
 * element, when the value is an array) the positions of the documents holding it, in the order of the index's second
 * key and then {@code _id}. mongo-java-server ignores non-unique indexes, so {@code {state: "QUEUED", dueAt: {$lte: t}}}
 * or {@code {geoCells: {$in: [...]}}} scanned the collection. Callers filter the candidates with the whole query. A
 * query that pins the first key to one value gets its candidates already sorted by the second key
 * ({@link OrderedPositions}), so a sorted page stops after its last document, as MongoDB's index range scan does.
 * A bucket is put in order the first time a query reads it, and kept in order from then on: most documents end in
 * buckets no query reads (sent deliveries, routed reports, the documents without an outbox flag), where keeping
 * every insert and move sorted was a quarter of the store's work. Rebuilt from the documents when a store on file
 * is opened.
 */
final class EqualityIndex<P> extends Index<P> {

    private static final String ID = "_id";
    /** The id of a probe that sorts before every document with the same second-key value. */
    private static final Object BEFORE_EVERY_ID = new Object();
    private static final Comparator<Object> VALUES = ValueComparator.asc();
    /**
     * The sort's comparison ({@code ValueComparator}), without its type dispatch for the usual keys and ids: the same
     * value (a missing key), strings, instants, flags and ints (of one type each; mixed types are the library's).
     */
    private static final Comparator<Object> SORT_ORDER = (a, b) -> {
        if (a == b) {
            return 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        return VALUES.compare(a, b);
    };

    private final FirstKey firstKey;
    /** The key candidates are ordered by after the first, as the sort compares it; {@code null}: by _id alone. */
    private final String secondKey;
    private final String[] secondKeyPath;
    private final Comparator<Entry<P>> order;
    private final Map<KeyValue, Bucket<P>> buckets = new HashMap<>();
    private long entries;
    private long moves;
    /**
     * False once a document held an array or a sub-document at the second key: such a value is compared as a whole
     * by the sort but may be changed in place, so the order could go stale; the candidates are then sorted as usual.
     */
    private boolean secondKeyScalar = true;

    EqualityIndex(String name, List<IndexKey> keys) {
        // "sparse": documents without the key may be absent, so the collection does not expect a position back
        super(name, keys, true);
        this.firstKey = new FirstKey(keys.get(0));
        this.secondKey = keys.size() > 1 && keys.get(1).isAscending() ? keys.get(1).getKey() : null;
        this.secondKeyPath = secondKey == null ? null : KeyPaths.split(secondKey);
        this.order = secondKey == null ? (a, b) -> compareIds(a.id(), b.id()) : (a, b) -> {
            int bySortValue = SORT_ORDER.compare(a.sortValue(), b.sortValue());
            return bySortValue != 0 ? bySortValue : compareIds(a.id(), b.id());
        };
    }

    private static int compareIds(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == BEFORE_EVERY_ID) {
            return -1;
        }
        if (b == BEFORE_EVERY_ID) {
            return 1;
        }
        return SORT_ORDER.compare(a, b);
    }

    /**
     * The positions of documents whose first key equals one of {@code values} (already known to be plain), in each
     * bucket only those within {@code range} on the second key, when there is one.
     */
    private synchronized Iterable<P> candidates(Collection<?> values, SecondKeyRange range) {
        List<Bucket<P>> found = new ArrayList<>();
        for (Object value : values) {
            for (KeyValue key : firstKey.keyValues(firstKey.holding(value))) {
                Bucket<P> bucket = buckets.get(key);
                if (bucket != null && !found.contains(bucket)) {
                    found.add(bucket);
                }
            }
        }
        if (found.size() == 1) {
            // a view, not a copy: read under the collection's lock, as every write to this index is made
            return new OrderedPositions<>(within(found.get(0), range), secondKeyScalar ? secondKey : null,
                    secondKeyScalar);
        }
        Set<P> union = new LinkedHashSet<>();
        found.forEach(bucket -> within(bucket, range).forEach(union::add));
        return union;
    }

    /**
     * A bucket's positions in order, from the first whose second key is the range's lowest value (the bucket's first
     * when the range has none), stopping at the first that sorts after its upper bound: no later one can match it.
     * (The sort order brackets types as the query does; below an upper bound alone, values of types that sort before
     * the bound's are kept as candidates, and the query's filter decides.)
     */
    private Iterable<P> within(Bucket<P> bucket, SecondKeyRange range) {
        NavigableSet<Entry<P>> inOrder = bucket.inOrder(order);
        NavigableSet<Entry<P>> from = range == null || range.from() == null ? inOrder
                : inOrder.tailSet(new Entry<>(range.from(), BEFORE_EVERY_ID, null), true);
        return () -> new Iterator<>() {
            private final Iterator<Entry<P>> entries = from.iterator();
            private P next = advance();

            private P advance() {
                if (!entries.hasNext()) {
                    return null;
                }
                Entry<P> entry = entries.next();
                if (range == null) {
                    return entry.position();
                }
                int side = SORT_ORDER.compare(entry.sortValue(), range.upTo());
                return side < 0 || side == 0 && range.inclusive() ? entry.position() : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public P next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                P current = next;
                next = advance();
                return current;
            }
        };
    }

    /**
     * What the query asks of the second key that the buckets' order can serve, when it can be trusted: one string
     * (the only type whose equality is the sort's, so that no other value in between can match), else a {@code $lt} /
     * {@code $lte}. A duplicate check asks for one category among the reports of a few places.
     */
    private SecondKeyRange secondKeyRange(Document query) {
        if (secondKey == null || !secondKeyScalar) {
            return null;
        }
        Collection<?> pinned = IndexedQueries.pinnedValues(query, secondKey);
        if (pinned != null && pinned.size() == 1 && pinned.iterator().next() instanceof String value) {
            return new SecondKeyRange(value, value, true);
        }
        Document operators = IndexedQueries.operatorsOn(query, secondKey);
        if (operators == null) {
            return null;
        }
        if (operators.containsKey("$lt") && IndexedQueries.isPlain(operators.get("$lt"))) {
            return new SecondKeyRange(null, operators.get("$lt"), false);
        }
        if (operators.containsKey("$lte") && IndexedQueries.isPlain(operators.get("$lte"))) {
            return new SecondKeyRange(null, operators.get("$lte"), true);
        }
        return null;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        add(document, firstKey.keyValues(document), position);
    }

    private void add(Document document, Set<KeyValue> keys, P position) {
        Object id = document.get(ID);
        Object sortValue = sortValueOf(document);
        if (sortValue instanceof Collection<?> || sortValue instanceof Map<?, ?>) {
            secondKeyScalar = false;
        }
        Entry<P> entry = new Entry<>(sortValue, id, position);
        for (KeyValue key : keys) {
            Bucket<P> bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new Bucket<>();
                buckets.put(key, bucket);
            }
            if (!bucket.put(entry)) {
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
            Bucket<P> bucket = buckets.get(key);
            if (bucket != null && bucket.remove(id)) {
                entries--;
                if (bucket.isEmpty()) {
                    buckets.remove(key);
                }
            }
        }
    }

    private Object sortValueOf(Document document) {
        if (secondKey == null) {
            return null;
        }
        return secondKeyPath != null ? KeyPaths.valueAt(document, secondKeyPath, 0)
                : Utils.getSubdocumentValueCollectionAware(document, secondKey);
    }

    /**
     * Leaves the document where it is when the update kept its first key's values, second key and id (most updates:
     * a state's timestamps, an outbox, a counter); else removes and re-adds it, reading each version's keys once.
     * An update that moved nothing costs two key reads instead of a removal and an insertion in each of its buckets
     * (every document without the first key shares one bucket).
     */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        Set<KeyValue> oldKeys = firstKey.keyValues(oldDocument);
        Set<KeyValue> newKeys = firstKey.keyValues(newDocument);
        if (oldKeys.equals(newKeys) && Objects.equals(oldDocument.get(ID), newDocument.get(ID))
                && Objects.equals(sortValueOf(oldDocument), sortValueOf(newDocument))) {
            return;
        }
        moves++;
        remove(oldDocument, oldKeys);
        add(newDocument, newKeys, position);
    }

    /** How many updates moved a document in this index (for tests: updates that keep the keys move none). */
    synchronized long moves() {
        return moves;
    }

    /** How many buckets are kept in order (for tests: only those a query read). */
    synchronized long bucketsInOrder() {
        return buckets.values().stream().filter(Bucket::isInOrder).count();
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
        return values == null ? List.of() : candidates(values, secondKeyRange(query));
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
        buckets.clear();
        entries = 0;
        secondKeyScalar = true;
    }

    /**
     * Second-key values from {@code from} (from the bucket's first when {@code null}) up to {@code upTo}, which is
     * included when {@code inclusive}.
     */
    private record SecondKeyRange(Object from, Object upTo, boolean inclusive) {
    }

    /**
     * A document's entry in a bucket: it sorts by the second key's value as the sort reads it, then _id (the order
     * compares nothing else).
     */
    private record Entry<P>(Object sortValue, Object id, P position) {
    }

    /** The documents holding one value of the first key: by _id, and in the index's order once a query read them. */
    private static final class Bucket<P> {
        private final Map<Object, Entry<P>> byId = new HashMap<>();
        private NavigableSet<Entry<P>> inOrder;

        /** @return true when the document was here already (its entry is replaced) */
        boolean put(Entry<P> entry) {
            Entry<P> previous = byId.put(entry.id(), entry);
            if (inOrder != null) {
                if (previous != null) {
                    inOrder.remove(previous);
                }
                inOrder.add(entry);
            }
            return previous != null;
        }

        boolean remove(Object id) {
            Entry<P> entry = byId.remove(id);
            if (entry != null && inOrder != null) {
                inOrder.remove(entry);
            }
            return entry != null;
        }

        boolean isEmpty() {
            return byId.isEmpty();
        }

        boolean isInOrder() {
            return inOrder != null;
        }

        /** The entries in the index's order; sorts them the first time, keeps them sorted from then on. */
        NavigableSet<Entry<P>> inOrder(Comparator<Entry<P>> order) {
            if (inOrder == null) {
                inOrder = new TreeSet<>(order);
                inOrder.addAll(byId.values());
            }
            return inOrder;
        }
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
