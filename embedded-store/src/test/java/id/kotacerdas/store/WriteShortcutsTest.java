package id.kotacerdas.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write path's shortcuts, one by one, each against the plain mongo-java-server store where an answer is
 * involved: unique indexes that read a document's keys once and leave it in place when an update does not touch
 * them, the non-unique index reading its key once, the data size computed when asked, candidates matched in a loop.
 */
class WriteShortcutsTest {

    private static final int DOCUMENTS = 200;

    private SideBySideStores stores;
    private EmbeddedStore store;
    private MongoClient ourClient;
    private MongoClient plainClient;
    private MongoCollection<Document> ours;
    private MongoCollection<Document> reference;

    @BeforeEach
    void start() {
        stores = new SideBySideStores();
        store = stores.store;
        ourClient = stores.ours;
        plainClient = stores.reference;
        ours = seeded(stores.ours);
        reference = seeded(stores.reference);
    }

    @AfterEach
    void stop() {
        stores.close();
    }

    @Test
    void anUpdateOfAUniqueKeyMovesTheDocumentInThatIndex() {
        // d-5 is {r-2, EMAIL}, QUEUED
        assertThat(ours.updateOne(Filters.and(Filters.eq("_id", "d-5"), Filters.eq("state", "QUEUED")),
                Updates.set("requestId", "r-moved")).getModifiedCount()).isOne();
        reference.updateOne(Filters.eq("_id", "d-5"), Updates.set("requestId", "r-moved"));

        long before = store.work().documentsExamined();
        assertThat(ids(ours, Filters.and(Filters.eq("requestId", "r-moved"), Filters.eq("channel", "EMAIL"))))
                .containsExactly("d-5");
        assertThat(store.work().documentsExamined() - before).isOne();
        assertThat(ids(ours, Filters.and(Filters.eq("requestId", "r-2"), Filters.eq("channel", "EMAIL")))).isEmpty();
        // the old key is free, the new one taken: exactly as in the plain store
        same(collection -> insert(collection, new Document("_id", "again").append("requestId", "r-2")
                .append("channel", "EMAIL")));
        same(collection -> insert(collection, new Document("_id", "clash").append("requestId", "r-moved")
                .append("channel", "EMAIL")));
        assertThat(ours.countDocuments()).isEqualTo(DOCUMENTS + 1);
    }

    @Test
    void anUpdateOfTheNonUniqueIndexsKeyMovesTheDocumentInThatIndex() {
        both(collection -> collection.updateOne(Filters.eq("_id", "d-4"), Updates.combine(Updates.set("state", "SENT"),
                Updates.set("meta.kind", "k-new"), Updates.push("cells", "c-new"))).getModifiedCount());

        assertThat(ids(ours, Filters.eq("meta.kind", "k-new"))).containsExactly("d-4");
        assertThat(ids(ours, Filters.eq("cells", "c-new"))).containsExactly("d-4");
        assertThat(ids(ours, Filters.eq("meta.kind", "k-4"))).doesNotContain("d-4");
        same(collection -> ids(collection, Filters.eq("state", "SENT")));
        same(collection -> ids(collection, Filters.eq("state", "QUEUED")));
        same(collection -> ids(collection, Filters.in("cells", "c-4", "c-5")));
    }

    @Test
    void updatesOfOtherFieldsLeaveEveryIndexAnsweringRight() {
        Bson untouched = Updates.combine(Updates.set("note", "n"), Updates.inc("version", 1), Updates.set("lease", 3));
        both(collection -> collection.updateMany(Filters.eq("state", "QUEUED"), untouched).getModifiedCount());
        both(collection -> collection.updateOne(Filters.eq("_id", "d-7"), untouched).getModifiedCount());

        same(collection -> ids(collection, Filters.eq("state", "QUEUED")));
        same(collection -> ids(collection, Filters.eq("meta.kind", "k-2")));
        same(collection -> ids(collection, Filters.eq("cells", "c-9")));
        same(collection -> ids(collection, Filters.and(Filters.eq("requestId", "r-10"), Filters.eq("channel", "SMS"))));
        long before = store.work().documentsExamined();
        assertThat(ids(ours, Filters.and(Filters.eq("_id", "d-7"), Filters.eq("version", 2)))).containsExactly("d-7");
        assertThat(store.work().documentsExamined() - before).isOne();
        // every unique key is still taken
        same(collection -> insert(collection, new Document("_id", "d-7")));
        same(collection -> insert(collection, new Document("_id", "x").append("requestId", "r-3")
                .append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "y").append("code", "x-8")));
    }

    @Test
    void aUniqueViolationByAnUpdateIsRefusedAndChangesNothing() {
        Document d2 = ours.find(Filters.eq("_id", "d-2")).first();
        long size = stats(ourClient).getInteger("size");

        // d-2 is {r-1, SMS}; d-4 is {r-2, SMS}
        same(collection -> update(collection, Filters.and(Filters.eq("_id", "d-2"), Filters.eq("state", "QUEUED")),
                Updates.combine(Updates.set("requestId", "r-2"), Updates.set("note", "lost"))));
        same(collection -> update(collection, Filters.eq("_id", "d-2"), Updates.set("code", "x-8")));
        same(collection -> update(collection, Filters.eq("_id", "d-2"), Updates.set("_id", "d-4")));

        assertThat(ours.find(Filters.eq("_id", "d-2")).first()).isEqualTo(d2);
        assertThat(ids(ours, Filters.and(Filters.eq("requestId", "r-2"), Filters.eq("channel", "SMS"))))
                .containsExactly("d-4");
        assertThat(ids(ours, Filters.and(Filters.eq("requestId", "r-1"), Filters.eq("channel", "SMS"))))
                .containsExactly("d-2");
        assertThat(ids(ours, Filters.eq("code", "x-8"))).containsExactly("d-8");
        same(collection -> insert(collection, new Document("_id", "z").append("requestId", "r-1")
                .append("channel", "SMS")));
        assertThat(stats(ourClient).getInteger("size")).isEqualTo(size);
        assertThat(stats(ourClient)).isEqualTo(stats(plainClient));
    }

    @Test
    void aBulkOfConditionalUpdatesAppliesAllButTheViolationAsThePlainStore() {
        same(collection -> {
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", "d-" + i), Filters.eq("state", "QUEUED")),
                        Updates.combine(Updates.set("state", "SENDING"), Updates.set("lease", i))));
            }
            writes.add(10, new UpdateOneModel<>(Filters.eq("_id", "d-10"), Updates.set("requestId", "r-6")));
            try {
                return collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)).toString();
            } catch (MongoBulkWriteException e) {
                return e.getWriteErrors() + " " + e.getWriteResult();
            }
        });
        same(collection -> ids(collection, Filters.eq("state", "SENDING")));
        same(collection -> all(collection));
    }

    @Test
    void numbersThatCompareEqualAreOneKeyAndOthersAreNot() {
        same(collection -> insert(collection, new Document("_id", 1).append("requestId", 7).append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", 1.0)));
        same(collection -> insert(collection, new Document("_id", 1L)));
        same(collection -> insert(collection, new Document("_id", "a").append("requestId", 7.0).append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "b").append("requestId", 7L).append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "c").append("requestId", 9_007_199_254_740_993L)
                .append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "d").append("requestId", 9_007_199_254_740_992.0)
                .append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "e").append("requestId", -0.0).append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "f").append("requestId", 0).append("channel", "SMS")));
        same(collection -> update(collection, Filters.eq("_id", "d-0"), Updates.set("requestId", 7.0)));
        same(collection -> ids(collection, Filters.and(Filters.eq("requestId", 7L), Filters.eq("channel", "SMS"))));
        same(collection -> ids(collection, Filters.eq("_id", 1.0)));
        same(collection -> all(collection));
    }

    @Test
    void missingAndNullKeysAndArraysOnUniqueKeysAreTheLibrarysKeys() {
        ours = ourClient.getDatabase("store").getCollection("keys");
        reference = plainClient.getDatabase("store").getCollection("keys");
        for (MongoCollection<Document> collection : List.of(ours, reference)) {
            collection.createIndex(Indexes.ascending("requestId", "channel"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true).sparse(true));
            collection.createIndex(Indexes.ascending("pair.a", "pair.b"), new IndexOptions().unique(true).sparse(true));
            collection.insertOne(new Document("_id", "d-0").append("requestId", "r-0").append("channel", "SMS"));
        }
        same(collection -> insert(collection, new Document("_id", "t1").append("tags", List.of("a", "b"))));
        same(collection -> insert(collection, new Document("_id", "t2").append("tags", List.of("b", "c"))));
        same(collection -> insert(collection, new Document("_id", "t3").append("tags", List.of())));
        same(collection -> update(collection, Filters.eq("_id", "t1"), Updates.set("tags", List.of("c", "d"))));
        same(collection -> update(collection, Filters.eq("_id", "t1"), Updates.set("tags", "e")));
        same(collection -> insert(collection, new Document("_id", "t4").append("tags", List.of("a", "b"))));
        same(collection -> insert(collection, new Document("_id", "p1").append("pair", List.of(new Document("a", 1)
                .append("b", 2), new Document("a", 3).append("b", 4)))));
        same(collection -> insert(collection, new Document("_id", "p2").append("pair", new Document("a", List.of(1, 2))
                .append("b", List.of(3, 4)))));
        same(collection -> insert(collection, new Document("_id", "p3").append("pair", new Document("a", 3).append("b", 4))));
        same(collection -> insert(collection, new Document("_id", "n1").append("requestId", null).append("channel", "SMS")));
        same(collection -> insert(collection, new Document("_id", "n2").append("channel", "SMS")));
        same(collection -> update(collection, Filters.eq("_id", "d-0"), Updates.unset("requestId")));
        same(collection -> all(collection));
    }

    @Test
    void aUniqueIndexBuiltOnExistingDocumentsReadsTheirKeysAsThePlainStore() {
        // the message names the collection's random UUID and the build's: those differ, the rest must not
        same(collection -> createUnique(collection, Indexes.ascending("dueAt")));
        same(collection -> createUnique(collection, Indexes.ascending("meta.kind", "version")));
        same(collection -> createUnique(collection, Indexes.ascending("channel", "requestId", "dueAt")));
        same(collection -> insert(collection, new Document("_id", "late").append("requestId", "r-0")
                .append("channel", "SMS").append("dueAt", 0)));
        same(collection -> insert(collection, new Document("_id", "later").append("requestId", "r-0")
                .append("channel", "SMS").append("dueAt", 1)));
        same(collection -> update(collection, Filters.eq("_id", "d-1"), Updates.set("channel", "SMS")));
        same(collection -> update(collection, Filters.eq("_id", "d-1"), Updates.set("dueAt", 3)));
        same(collection -> all(collection));
    }

    private static String createUnique(MongoCollection<Document> collection, Bson keys) {
        try {
            return collection.createIndex(keys, new IndexOptions().unique(true));
        } catch (com.mongodb.MongoException e) {
            return e.getCode() + " " + e.getMessage().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>");
        }
    }

    @Test
    void aNonUniqueIndexOnAPathThroughArraysFindsEveryElement() {
        ours = ourClient.getDatabase("store").getCollection("items");
        reference = plainClient.getDatabase("store").getCollection("items");
        for (MongoCollection<Document> collection : List.of(ours, reference)) {
            collection.createIndex(Indexes.ascending("items.tags"));
            collection.insertMany(List.of(
                    new Document("_id", 1).append("items", List.of(new Document("tags", List.of("a", "b")),
                            new Document("tags", "c"), "not a document", new Document("other", 1))),
                    new Document("_id", 2).append("items", new Document("tags", List.of("c", List.of("d")))),
                    new Document("_id", 3).append("items", List.of()),
                    new Document("_id", 4).append("items", List.of(new Document("tags", List.of())))));
        }
        for (Object tag : List.of("a", "b", "c", "d", List.of("d"), "e")) {
            same(collection -> ids(collection, Filters.eq("items.tags", tag)));
        }
        same(collection -> update(collection, Filters.eq("_id", 1), Updates.set("items.0.tags", List.of("e"))));
        for (Object tag : List.of("a", "b", "c", "e")) {
            same(collection -> ids(collection, Filters.eq("items.tags", tag)));
        }
        same(collection -> ids(collection, Filters.in("items.tags", "a", "e", "d")));
    }

    @Test
    void aSparseUniqueIndexSkipsDocumentsWithoutItsKey() {
        same(collection -> update(collection, Filters.in("_id", "d-1", "d-3"), Updates.set("tag", "x"), true));
        same(collection -> insert(collection, new Document("_id", "no-code-1")));
        same(collection -> insert(collection, new Document("_id", "no-code-2")));
        same(collection -> update(collection, Filters.eq("_id", "no-code-1"), Updates.set("code", "x-12"), false));
        same(collection -> update(collection, Filters.eq("_id", "d-0"), Updates.unset("code"), false));
        same(collection -> update(collection, Filters.eq("_id", "no-code-2"), Updates.set("code", "x-0"), false));
        same(collection -> ids(collection, Filters.eq("code", "x-0")));
        same(collection -> all(collection));
    }

    @Test
    void theDataSizeIsTheOneThePlainStoreTracks() {
        both(collection -> collection.updateMany(Filters.eq("state", "QUEUED"),
                Updates.combine(Updates.set("body", "a longer body than before"), Updates.push("cells", "c-x")))
                .getModifiedCount());
        both(collection -> collection.deleteMany(Filters.eq("meta.kind", "k-3")).getDeletedCount());
        both(collection -> collection.updateOne(Filters.eq("_id", "d-1"), Updates.unset("meta")).getModifiedCount());
        both(collection -> collection.replaceOne(Filters.eq("_id", "d-2"), new Document("tiny", 1)).getModifiedCount());

        assertThat(stats(ourClient)).isEqualTo(stats(plainClient));
        assertThat(stats(ourClient).getInteger("size")).isPositive();
        Document validated = ourClient.getDatabase("store").runCommand(new Document("validate", "deliveries"));
        Document validatedPlain = plainClient.getDatabase("store").runCommand(new Document("validate", "deliveries"));
        assertThat(validated.get("datasize")).isEqualTo(validatedPlain.get("datasize"));
    }

    @Test
    void candidatesAreMatchedUntilTheLimitUnlessSorted() {
        long before = store.work().documentsExamined();
        List<Document> three = ours.find(Filters.eq("meta.kind", "k-2")).limit(3).into(new ArrayList<>());
        assertThat(three).hasSize(3);
        assertThat(store.work().documentsExamined() - before).isEqualTo(3);

        List<Document> everyOne = ours.find(Filters.eq("meta.kind", "k-2")).into(new ArrayList<>());
        before = store.work().documentsExamined();
        List<Document> skipped = ours.find(Filters.eq("meta.kind", "k-2")).skip(2).limit(3).into(new ArrayList<>());
        assertThat(store.work().documentsExamined() - before).isEqualTo(5);
        assertThat(skipped).isEqualTo(everyOne.subList(2, 5));

        int kind2 = (int) ours.countDocuments(Filters.eq("meta.kind", "k-2"));
        before = store.work().documentsExamined();
        same(collection -> collection.find(Filters.eq("meta.kind", "k-2")).sort(Sorts.descending("requestId", "_id"))
                .skip(1).limit(4).into(new ArrayList<>()).toString());
        assertThat(store.work().documentsExamined() - before).isEqualTo(kind2);
        same(collection -> collection.find(Filters.eq("meta.kind", "k-2")).batchSize(7).into(new ArrayList<>())
                .stream().map(document -> document.get("_id")).sorted().toList().toString());
        same(collection -> collection.find(Filters.eq("meta.kind", "k-2")).skip(500).into(new ArrayList<>()).toString());
        same(collection -> collection.find(Filters.eq("_id", "d-9")).projection(new Document("state", 1))
                .into(new ArrayList<>()).toString());
    }

    @Test
    void aPageSortedByAnIndexsSecondKeyReadsOnlyUpToItsLastDocument() {
        Bson dueQueued = Filters.and(Filters.eq("state", "QUEUED"), Filters.lte("dueAt", 2));
        Bson oldestFirst = Sorts.ascending("dueAt", "_id");
        long before = store.work().documentsExamined();
        same(collection -> collection.find(dueQueued).sort(oldestFirst).limit(4).into(new ArrayList<>()).toString());
        assertThat(store.work().documentsExamined() - before).isEqualTo(4);

        // candidates that fail the rest of the query are read and passed over; the page still ends the reading
        Bson dueSms = Filters.and(dueQueued, Filters.eq("channel", "SMS"));
        before = store.work().documentsExamined();
        same(collection -> collection.find(dueSms).sort(oldestFirst).skip(2).limit(3).into(new ArrayList<>()).toString());
        assertThat(store.work().documentsExamined() - before).isBetween(5L, 12L);
        same(collection -> collection.find(dueSms).sort(oldestFirst).limit(30)
                .projection(Projections.include("_id", "dueAt")).into(new ArrayList<>()).toString());
        same(collection -> collection.find(dueSms).sort(oldestFirst).limit(500).into(new ArrayList<>()).toString());

        // another order cannot use the index's: every candidate up to the bound on dueAt is read, the answer is the same
        long queued = ours.countDocuments(dueQueued);
        before = store.work().documentsExamined();
        same(collection -> collection.find(dueQueued).sort(Sorts.descending("dueAt", "_id")).limit(4)
                .into(new ArrayList<>()).toString());
        assertThat(store.work().documentsExamined() - before).isEqualTo(queued);

        // the order follows updates of the second key
        same(collection -> collection.updateMany(Filters.in("_id", "d-1", "d-2", "d-4"), Updates.set("dueAt", -1))
                .getModifiedCount());
        same(collection -> collection.find(dueQueued).sort(oldestFirst).limit(3).into(new ArrayList<>()).toString());

        // flags at the second key: false before true, as the sort has them
        same(collection -> collection.updateMany(Filters.in("_id", "d-3", "d-9"),
                Updates.combine(Updates.set("state", "FLAGGED"), Updates.set("dueAt", true))).getModifiedCount());
        same(collection -> collection.updateOne(Filters.eq("_id", "d-6"),
                Updates.combine(Updates.set("state", "FLAGGED"), Updates.set("dueAt", false))).getModifiedCount());
        before = store.work().documentsExamined();
        same(collection -> collection.find(Filters.eq("state", "FLAGGED")).sort(oldestFirst).limit(1)
                .into(new ArrayList<>()).toString());
        assertThat(store.work().documentsExamined() - before).isOne();
    }

    @Test
    void aRangeOnAnIndexsSecondKeyReadsOnlyTheCandidatesBelowItsBound() {
        // the escalation job's question: open items whose deadline has passed, out of many that are not due yet
        Bson due = Filters.and(Filters.eq("state", "QUEUED"), Filters.lte("dueAt", 1));
        long queuedDue = ours.countDocuments(Filters.and(Filters.eq("state", "QUEUED"), Filters.in("dueAt", 0, 1)));
        long before = store.work().documentsExamined();
        same(collection -> sortedById(collection.find(due)));
        assertThat(store.work().documentsExamined() - before).isEqualTo(queuedDue);

        Bson dueBefore = Filters.and(Filters.in("state", "QUEUED", "SENT"), Filters.lt("dueAt", 1),
                Filters.eq("channel", "SMS"));
        long eitherAtZero = ours.countDocuments(Filters.eq("dueAt", 0));
        before = store.work().documentsExamined();
        same(collection -> sortedById(collection.find(dueBefore).limit(500)));
        assertThat(store.work().documentsExamined() - before).isEqualTo(eitherAtZero);

        // other types at the key, a lower bound as well, a missing key: answered as the plain store does
        same(collection -> collection.updateOne(Filters.eq("_id", "d-1"), Updates.set("dueAt", "soon")).getModifiedCount());
        same(collection -> collection.updateOne(Filters.eq("_id", "d-2"), Updates.unset("dueAt")).getModifiedCount());
        same(collection -> sortedById(collection.find(Filters.and(Filters.eq("state", "QUEUED"), Filters.gte("dueAt", 1),
                Filters.lte("dueAt", 3)))));
        same(collection -> collection.find(due).sort(Sorts.ascending("dueAt", "_id")).limit(5).into(new ArrayList<>())
                .toString());
        same(collection -> sortedById(collection.find(Filters.and(Filters.eq("state", "QUEUED"), Filters.lt("dueAt", "z")))));
    }

    @Test
    void aStringThatAQueryPinsTheSecondKeyToNarrowsTheCandidatesToTheDocumentsHoldingIt() {
        // the duplicate check's question: open reports of one category among those of a few places
        List<MongoCollection<Document>> both = List.of(
                ourClient.getDatabase("store").getCollection("reports"),
                plainClient.getDatabase("store").getCollection("reports"));
        String[] categories = {"jalan", "sampah", "lampu", "air"};
        for (MongoCollection<Document> reports : both) {
            reports.createIndex(Indexes.ascending("cells", "category"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Document report = new Document("_id", "r-" + i).append("cells", List.of("c-" + i % 5, "c-" + (i + 1) % 5))
                        .append("status", i % 3 == 0 ? "CLOSED" : "OPEN");
                if (i % 10 != 9) {
                    report.append("category", i % 10 == 8 ? (Object) 7 : categories[i % 4]);
                }
                documents.add(report);
            }
            reports.insertMany(documents);
        }
        Function<MongoCollection<Document>, Object> openRubbishNearby = reports -> sortedById(reports.find(Filters.and(
                Filters.in("cells", "c-1", "c-2"), Filters.eq("category", "sampah"), Filters.in("status", "OPEN"))));
        long rubbishInThosePlaces = both.get(0).countDocuments(Filters.and(Filters.in("cells", "c-1", "c-2"),
                Filters.eq("category", "sampah")));

        long before = store.work().documentsExamined();
        assertThat(openRubbishNearby.apply(both.get(0))).hasToString(openRubbishNearby.apply(both.get(1)).toString());
        assertThat(store.work().documentsExamined() - before).isEqualTo(rubbishInThosePlaces).isLessThan(30);

        // the order follows an update of the second key; a sorted page of one place reads its category's documents
        for (MongoCollection<Document> reports : both) {
            reports.updateMany(Filters.in("_id", "r-0", "r-1", "r-9"), Updates.set("category", "sampah"));
            reports.updateOne(Filters.eq("_id", "r-5"), Updates.set("category", "jalan"));
        }
        assertThat(openRubbishNearby.apply(both.get(0))).hasToString(openRubbishNearby.apply(both.get(1)).toString());
        Function<MongoCollection<Document>, Object> firstRubbishOfOnePlace = reports -> reports.find(Filters.and(
                Filters.eq("cells", "c-1"), Filters.eq("category", "sampah"))).sort(Sorts.ascending("category", "_id"))
                .limit(3).into(new ArrayList<>()).toString();
        before = store.work().documentsExamined();
        assertThat(firstRubbishOfOnePlace.apply(both.get(0))).isEqualTo(firstRubbishOfOnePlace.apply(both.get(1)));
        assertThat(store.work().documentsExamined() - before).isEqualTo(3);
        // a number at the key is not a string: the whole bucket is read, the answer is the plain store's
        Function<MongoCollection<Document>, Object> numbered = reports -> sortedById(reports.find(Filters.and(
                Filters.eq("cells", "c-3"), Filters.eq("category", 7))));
        assertThat(numbered.apply(both.get(0))).hasToString(numbered.apply(both.get(1)).toString());
    }

    /** MongoDB promises no order without a sort, and an index gives its own: compare the documents by id. */
    private static String sortedById(FindIterable<Document> found) {
        List<Document> documents = found.into(new ArrayList<>());
        documents.sort(Comparator.comparing(document -> document.getString("_id")));
        return documents.toString();
    }

    @Test
    void theOutboxSweepReadsOnlyTheFlaggedDocuments() {
        both(collection -> collection.createIndex(Indexes.ascending("outboxPending")));
        List<String> flagged = List.of("d-0", "d-1", "d-2", "d-3", "d-4", "d-5", "d-6", "d-7", "d-8", "d-9");
        same(collection -> collection.updateMany(Filters.in("_id", flagged), Updates.set("outboxPending", true))
                .getModifiedCount());
        same(collection -> collection.updateMany(Filters.in("_id", flagged.subList(0, 6)),
                Updates.set("outbox", List.of(new Document("eventId", "e-1")))).getModifiedCount());
        same(collection -> collection.updateMany(Filters.in("_id", flagged.subList(6, 10)),
                Updates.set("outbox", List.of())).getModifiedCount());
        // events written before the flag existed are the first sweep's business (a scan), not this one's
        same(collection -> collection.updateOne(Filters.eq("_id", "d-10"),
                Updates.set("outbox", List.of(new Document("eventId", "e-2")))).getModifiedCount());

        long before = store.work().documentsExamined();
        same(collection -> collection.updateMany(Filters.and(Filters.eq("outboxPending", true),
                Filters.exists("outbox.0", false)), Updates.unset("outboxPending")).getModifiedCount());
        same(collection -> sortedById(collection.find(Filters.and(Filters.eq("outboxPending", true),
                Filters.exists("outbox.0"))).projection(Projections.include("_id"))));
        assertThat(store.work().documentsExamined() - before).isBetween(6L, 16L);
        assertThat(ours.countDocuments(Filters.exists("outboxPending"))).isEqualTo(6);
    }

    /** The same call on both stores, whose answers must be equal. */
    /**
     * Updates of top-level fields skip the library's whole-document copies ({@link TopLevelUpdate}); each answer and
     * each document after it is the plain store's, including which changes count as modified, where new fields go and
     * the errors.
     */
    @Test
    void topLevelUpdatesAnswerAndLeaveEachDocumentAsThePlainStore() {
        List<Bson> updates = List.of(
                Updates.addToSet("cells", "c-1"),
                Updates.addToSet("cells", "c-9"),
                Updates.addEachToSet("cells", List.of("c-1", "c-7", "c-7")),
                Updates.addToSet("tags", "t"),
                Updates.push("cells", "c-1"),
                Updates.pushEach("cells", List.of()),
                Updates.pushEach("attempts", List.of()),
                Updates.pushEach("attempts", List.of(new Document("at", 1), new Document("at", 2))),
                Updates.push("state", "x"),
                Updates.addToSet("dueAt", 1),
                Updates.combine(Updates.set("zeta", 1), Updates.push("alpha", "a"), Updates.addToSet("mid", "m"),
                        Updates.unset("meta")),
                Updates.combine(Updates.pushEach("attempts", List.of(new Document("at", 3))), Updates.set("state", "SENT"),
                        Updates.set("sentAt", 5)),
                Updates.set("dueAt", 2.0),
                Updates.set("dueAt", 2L),
                Updates.set("gone", null),
                Updates.unset("never"),
                Updates.set("nul", null),
                Updates.push("nul", 1),
                Updates.set("code", "x-8"),
                Updates.set("meta", new Document("kind", "k-1")));
        for (int i = 0; i < updates.size(); i++) {
            Bson update = updates.get(i);
            Bson one = Filters.eq("_id", "d-" + (10 + i % 6));
            same(collection -> outcome(() -> collection.updateOne(one, update)));
            same(collection -> json(collection.find(one).first()));
            Bson several = Filters.eq("state", "SENT");
            same(collection -> outcome(() -> collection.updateMany(several, update)));
        }
        for (String id : List.of("d-10", "d-11", "d-12")) {
            Document stored = reference.find(Filters.eq("_id", id)).first();
            Document reordered = new Document();
            List<String> keys = new ArrayList<>(stored.keySet());
            java.util.Collections.reverse(keys);
            keys.forEach(key -> reordered.append(key,
                    stored.get(key) instanceof Integer number ? number.doubleValue() : stored.get(key)));
            same(collection -> outcome(() -> collection.replaceOne(Filters.eq("_id", id), reordered)));
            same(collection -> json(collection.find(Filters.eq("_id", id)).first()));
        }
        same(collection -> collection.find().sort(Sorts.ascending("_id")).map(WriteShortcutsTest::json)
                .into(new ArrayList<>()));
    }

    private static String outcome(java.util.function.Supplier<Object> write) {
        try {
            return String.valueOf(write.get());
        } catch (MongoWriteException e) {
            return "write error " + e.getError().getCode() + " " + e.getError().getMessage();
        }
    }

    private static String json(Document document) {
        return document == null ? "none" : document.toJson();
    }

    private void same(Function<MongoCollection<Document>, Object> call) {
        assertThat(String.valueOf(call.apply(ours))).isEqualTo(String.valueOf(call.apply(reference)));
    }

    private void both(Function<MongoCollection<Document>, Object> call) {
        same(call);
    }

    private static String insert(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return "inserted";
        } catch (MongoWriteException e) {
            return e.getError().getCode() + " " + e.getError().getMessage();
        }
    }

    private static String update(MongoCollection<Document> collection, Bson filter, Bson update) {
        return update(collection, filter, update, false);
    }

    private static String update(MongoCollection<Document> collection, Bson filter, Bson update, boolean many) {
        try {
            return (many ? collection.updateMany(filter, update) : collection.updateOne(filter, update)).toString();
        } catch (MongoWriteException e) {
            return e.getError().getCode() + " " + e.getError().getMessage();
        }
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
        List<Object> ids = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static String all(MongoCollection<Document> collection) {
        List<String> documents = new ArrayList<>();
        collection.find().forEach(document -> documents.add(document.toJson()));
        return documents.toString();
    }

    private static Document stats(MongoClient client) {
        Document stats = client.getDatabase("store").runCommand(new Document("collStats", "deliveries"));
        return new Document("count", stats.get("count")).append("size", stats.get("size"))
                .append("avgObjSize", stats.get("avgObjSize"));
    }

    private static MongoCollection<Document> seeded(MongoClient client) {
        MongoCollection<Document> collection = client.getDatabase("store").getCollection("deliveries");
        collection.createIndex(Indexes.ascending("requestId", "channel"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("state", "dueAt"));
        collection.createIndex(Indexes.ascending("cells"));
        collection.createIndex(Indexes.ascending("meta.kind"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", "d-" + i).append("requestId", "r-" + i / 2)
                    .append("channel", i % 2 == 0 ? "SMS" : "EMAIL").append("state", i % 3 == 0 ? "SENT" : "QUEUED")
                    .append("dueAt", i % 5).append("version", 0)
                    .append("cells", List.of("c-" + i % 10, "c-" + (i + 1) % 10))
                    .append("meta", new Document("kind", "k-" + i % 7));
            if (i % 4 == 0) {
                document.append("code", "x-" + i);
            }
            documents.add(document);
        }
        collection.insertMany(documents);
        return collection;
    }
}
