package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.Comparator;
import java.util.List;

/** The H2 MVStore file backend with {@link IndexedQueries} query planning (the local stack's store). */
final class PlannedH2Backend extends H2Backend {

    private final QueryWork work;

    PlannedH2Backend(MVStore store, QueryWork work) {
        super(store);
        this.work = work;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new PlannedDatabase(databaseName, getCursorRegistry());
    }

    /** Inner, not static: the backend's fields are set before {@code super()} opens the first collection. */
    private final class PlannedDatabase extends H2Database {

        PlannedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        /** Same map names as {@link H2Database}, so files written by either open with the other. */
        /** mongo-java-server ignores non-unique indexes; these answer equality on their first key. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
            return new EqualityIndex<>(indexName, keys);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new PlannedCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private final class PlannedCollection extends H2Collection implements UpdateShortcut.Target<Object> {

        /** Documents this collection's queries examined; read and written under the collection's lock. */
        private long examinedHere;

        PlannedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
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
            Iterable<Object> candidates = IndexedQueries.candidates(getIndexes(), query);
            QueryResult result = candidates == null
                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (work != null) {
                work.queried(getFullName(), query, examinedHere - before);
            }
            return result;
        }

        /** A sorted page sorts only the documents that can be on it ({@link SortedPage}). */
        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                             int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Comparator<Document> comparator = deriveComparator(orderBy);
            if (comparator != null && limit > 0) {
                positions = SortedPage.candidatesOf(positions, this::getDocument, d -> documentMatchesQuery(d, query),
                        orderBy, comparator, (long) Math.max(numberToSkip, 0) + limit);
            }
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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

        /** As the library: the stored data size follows, and the next version is put into the file's map. */
        @Override
        public void store(Object position, Document stored, Document next) {
            int sizeBefore = BsonSize.of(stored);
            TopLevelUpdate.adopt(stored, next);
            updateDataSize(BsonSize.of(stored) - sizeBefore);
            handleUpdate(position, null, stored);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            if (work != null) { // null while H2Backend's constructor reopens the file's collections
                work.examined();
            }
            examinedHere++;
            return super.documentMatchesQuery(document, query);
        }
    }
}
