package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/** The in-memory backend with {@link IndexedQueries} query planning (tests, benchmarks). */
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

    private final class PlannedCollection extends MemoryCollection {

        PlannedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Iterable<Integer> candidates = IndexedQueries.candidates(getIndexes(), query);
            if (candidates == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            work.examined();
            return super.documentMatchesQuery(document, query);
        }
    }
}
