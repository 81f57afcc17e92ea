package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The in-memory backend with {@link IndexedQueries} query planning (tests, benchmarks, the local stack with
 * {@code SMARTCITY_STORE=memory}), and cheaper writes: unique indexes that compute a document's keys once
 * ({@link PlannedUniqueIndex}), an {@link EqualityIndex} that leaves a document in place when its key did not
 * change, candidates matched in a loop instead of a stream, top-level updates without whole-document copies
 * ({@link TopLevelUpdate}), and the data size (answered only by
 * {@code collStats}/{@code dbStats}/{@code validate}) computed when asked instead of BSON-encoding every document
 * twice on every update.
 */
final class PlannedMemoryBackend extends MemoryBackend {

    private final QueryWork work;

    PlannedMemoryBackend(QueryWork work) {
        this.work = work;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new PlannedDatabase(databaseName, getCursorRegistry());
    }

    /** Inner, not static: the backend's fields are set before {@code super()} opens the first collection. */
    private final class PlannedDatabase extends MemoryDatabase {

        PlannedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                         boolean sparse) {
            return new PlannedUniqueIndex(indexName, keys, sparse);
        }

        /** mongo-java-server ignores non-unique indexes; these answer equality on their first key. */
        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
            return new EqualityIndex<>(indexName, keys);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new PlannedCollection(this, collectionName, options, cursorRegistry);
        }
    }

    private final class PlannedCollection extends MemoryCollection implements UpdateShortcut.Target<Integer> {

        /** Documents this collection's queries examined; read and written under the collection's lock. */
        private long examinedHere;

        PlannedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /**
         * Under the collection's lock, as the library's other reads: it reads candidates from an index's live view
         * ({@link EqualityIndex}), which a concurrent write would change under it.
         */
        @Override
        public synchronized int count(Document query, int skip, int limit) {
            return super.count(query, skip, limit);
        }

        @Override
        public QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                          int batchSize, Document fieldSelector) {
            long before = examinedHere;
            Iterable<Integer> candidates = IndexedQueries.candidates(getIndexes(), query);
            QueryResult result = candidates == null
                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            work.queried(getFullName(), query, examinedHere - before);
            return result;
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            work.examined();
            examinedHere++;
            return super.documentMatchesQuery(document, query);
        }

        /**
         * The library's stream over the candidates, as a loop: the same documents examined in the same order (up to
         * skip + limit matches when unsorted, all when sorted), the same stable sort, skip and limit; a sorted page
         * sorts only the documents that can be on it, and reads only up to its last one when an index gives the
         * candidates in the sort's order ({@link SortedPage}). Projections (the library's {@code Projection} is
         * package-private) take the library's way, over the page's documents.
         */
        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy,
                                             int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Comparator<Document> comparator = deriveComparator(orderBy);
            int skip = Math.max(numberToSkip, 0);
            List<Integer> page = comparator != null && limit > 0
                    ? SortedPage.candidatesOf(positions, this::getDocument, d -> documentMatchesQuery(d, query), orderBy,
                    comparator, (long) skip + limit)
                    : null;
            if (fieldSelector != null && !fieldSelector.keySet().isEmpty()) {
                return super.matchDocuments(query, page != null ? page : positions, orderBy, numberToSkip, limit,
                        batchSize, fieldSelector);
            }
            List<Document> matched = new ArrayList<>();
            if (page != null) {
                page.forEach(position -> matched.add(getDocument(position)));
            } else {
                long enough = comparator == null && limit > 0 ? (long) skip + limit : Long.MAX_VALUE;
                for (Iterator<Integer> it = positions.iterator(); matched.size() < enough && it.hasNext(); ) {
                    Document document = getDocument(it.next());
                    if (documentMatchesQuery(document, query)) {
                        matched.add(document);
                    }
                }
            }
            if (comparator != null) {
                matched.sort(comparator);
            }
            int from = Math.min(skip, matched.size());
            int to = limit > 0 ? (int) Math.min(matched.size(), (long) from + limit) : matched.size();
            List<Document> answer = from == 0 && to == matched.size() ? matched : new ArrayList<>(matched.subList(from, to));
            return createQueryResult(answer, batchSize);
        }

        /** The library's update without its copies when it is a {@link TopLevelUpdate}. */
        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Document answer = UpdateShortcut.updateDocuments(this, selector, updateQuery, arrayFilters, isMulti,
                    isUpsert, oplog);
            return answer != null ? answer : super.updateDocuments(selector, updateQuery, arrayFilters, isMulti,
                    isUpsert, oplog);
        }

        @Override
        public String idField() {
            return getIdField();
        }

        /** In place: the library's {@code handleUpdate} does nothing in memory. */
        @Override
        public void store(Integer position, Document stored, Document next) {
            TopLevelUpdate.adopt(stored, next);
        }

        /** Not tracked on every write (two BSON encodings per update, one per insert and delete): see below. */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** What the library would have tracked: the sum of the documents' BSON sizes (an int, as there). */
        @Override
        protected synchronized int getDataSize() {
            int size = 0;
            for (Iterator<DocumentWithPosition<Integer>> it = streamAllDocumentsWithPosition().iterator(); it.hasNext(); ) {
                size += BsonSize.of(it.next().getDocument());
            }
            return size;
        }
    }
}
