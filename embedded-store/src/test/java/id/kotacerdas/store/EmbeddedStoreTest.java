package id.kotacerdas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreTest {

    private static final int DOCUMENTS = 2_000;

    private EmbeddedStore store;
    private MongoClient client;
    private MongoCollection<Document> deliveries;

    @BeforeEach
    void start() {
        store = EmbeddedStore.inMemory();
        client = connect(store.bind());
        deliveries = seeded(client);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void aVersionedSaveReadsOneDocumentInsteadOfTheCollection() {
        long before = store.work().documentsExamined();

        var stale = deliveries.replaceOne(Filters.and(Filters.eq("_id", "d-42"), Filters.eq("version", 7)),
                new Document("_id", "d-42").append("version", 8));
        var current = deliveries.replaceOne(Filters.and(Filters.eq("_id", "d-42"), Filters.eq("version", 0)),
                new Document("_id", "d-42").append("version", 1).append("state", "SENT"));

        assertThat(stale.getMatchedCount()).isZero();
        assertThat(current.getModifiedCount()).isOne();
        assertThat(deliveries.find(Filters.eq("_id", "d-42")).first()).containsEntry("version", 1);
        assertThat(store.work().documentsExamined() - before).isLessThanOrEqualTo(3);
    }

    @Test
    void aConditionalUpdateOnSeveralIdsReadsOnlyThoseDocuments() {
        long before = store.work().documentsExamined();

        var claimed = deliveries.updateMany(Filters.and(Filters.in("_id", "d-1", "d-2", "d-4", "missing"),
                        Filters.eq("state", "QUEUED"),
                        Filters.or(Filters.exists("lease", false), Filters.lt("lease", 5))),
                Updates.set("lease", 10));

        assertThat(claimed.getModifiedCount()).isEqualTo(3);
        assertThat(store.work().documentsExamined() - before).isEqualTo(3);
    }

    @Test
    void aCompoundUniqueIndexPinnedByTheQueryIsUsed() {
        long before = store.work().documentsExamined();

        Document found = deliveries.find(Filters.and(Filters.eq("requestId", "r-17"), Filters.eq("channel", "SMS"),
                Filters.eq("state", "QUEUED"))).first();

        assertThat(found).containsEntry("_id", "d-34");
        assertThat(store.work().documentsExamined() - before).isOne();
    }

    @Test
    void aNonUniqueIndexAnswersEqualityOnItsFirstKeyIncludingArrayElements() {
        long before = store.work().documentsExamined();

        int near = ids(deliveries, Filters.and(Filters.in("cells", "c-3", "c-4"), Filters.eq("state", "QUEUED"))).size();
        int kind = ids(deliveries, Filters.eq("meta.kind", "k-6")).size();

        // c-3 or c-4 is held by i % 50 in {2, 3, 4}: 120 documents, two thirds of them QUEUED
        assertThat(near).isEqualTo(80);
        assertThat(kind).isEqualTo(285);
        assertThat(store.work().documentsExamined() - before).isEqualTo(120 + 285);
    }

    @Test
    void aNonUniqueIndexFollowsUpdatesAndDeletes() {
        deliveries.updateMany(Filters.in("_id", "d-0", "d-1"), Updates.set("meta.kind", "moved"));
        deliveries.deleteOne(Filters.eq("_id", "d-1"));

        assertThat(ids(deliveries, Filters.eq("meta.kind", "moved"))).containsExactly("d-0");
        assertThat(ids(deliveries, Filters.and(Filters.eq("meta.kind", "k-0"), Filters.lt("version", 1))))
                .doesNotContain("d-0").hasSize(285);
    }

    @Test
    void queriesTheIndexCannotNarrowStillScanAndAnswerCorrectly() {
        long before = store.work().documentsExamined();

        long count = deliveries.countDocuments(Filters.and(Filters.gte("version", 0), Filters.ne("state", "SENT")));

        assertThat(count).isEqualTo(DOCUMENTS - (DOCUMENTS + 2) / 3);
        assertThat(store.work().documentsExamined() - before).isGreaterThanOrEqualTo(DOCUMENTS);
    }

    @Test
    void aQueryThatExaminesAThousandDocumentsOrMoreIsCountedAsWideAndAnIndexedOneIsNot() {
        long before = store.work().wideQueries();

        deliveries.countDocuments(Filters.eq("state", "QUEUED"));
        deliveries.find(Filters.and(Filters.eq("requestId", "r-7"), Filters.eq("channel", "SMS"))).first();
        assertThat(store.work().wideQueries() - before).isOne();

        deliveries.updateMany(Filters.gte("version", 0), Updates.set("seen", true));
        assertThat(store.work().wideQueries() - before).isEqualTo(2);
    }

    @Test
    void countsThroughAnIndexWhileOthersWriteItAnswerEveryTime() throws Exception {
        MongoDatabase database = client.getDatabase("store");
        Document countQueued = new Document("count", "deliveries").append("query", new Document("state", "QUEUED"));
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int round = 0; writing.get(); round++) {
                deliveries.updateOne(Filters.eq("_id", "d-" + round % DOCUMENTS),
                        Updates.combine(Updates.set("state", round % 2 == 0 ? "SENT" : "QUEUED"), Updates.inc("version", 1)));
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 300; i++) {
                assertThat(database.runCommand(countQueued).get("n", Number.class).intValue()).isBetween(0, DOCUMENTS);
            }
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void answersEveryQueryExactlyAsThePlainStoreDoes() {
        MongoServer plain = new MongoServer(new MemoryBackend());
        try (MongoClient plainClient = connect(plain.bind())) {
            MongoCollection<Document> reference = seeded(plainClient);
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                Bson filter = randomFilter(random);
                assertThat(ids(deliveries, filter)).as(filter.toString()).isEqualTo(ids(reference, filter));
                Bson update = switch (random.nextInt(4)) {
                    case 0 -> Updates.set("state", random.nextBoolean() ? "QUEUED" : "SENT");
                    case 1 -> Updates.addToSet("cells", "c-" + random.nextInt(55));
                    case 2 -> Updates.combine(Updates.set("meta.kind", "k-" + random.nextInt(8)), Updates.inc("version", 1));
                    default -> Updates.pull("cells", "c-" + random.nextInt(55));
                };
                assertThat(deliveries.updateMany(filter, update).getModifiedCount()).as(filter.toString())
                        .isEqualTo(reference.updateMany(filter, update).getModifiedCount());
                if (random.nextInt(10) == 0) {
                    Bson gone = Filters.eq("_id", "d-" + random.nextInt(DOCUMENTS));
                    assertThat(deliveries.deleteOne(gone).getDeletedCount())
                            .isEqualTo(reference.deleteOne(gone).getDeletedCount());
                }
            }
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void aSortedPageIsThatPageOfTheWholeSortedAnswerTiesIncluded() {
        samePagesAsTheWholeSort(deliveries);
    }

    @Test
    void aSortedPageOnFileIsThatPageOfTheWholeSortedAnswerTiesIncluded(@TempDir Path directory) {
        try (EmbeddedStore onFile = EmbeddedStore.onFile(directory.resolve("store.mv"));
             MongoClient fileClient = connect(onFile.bind())) {
            samePagesAsTheWholeSort(seeded(fileClient));
        }
    }

    /** Every page (skip, limit, with and without a projection) against the same slice of the unlimited sort. */
    private static void samePagesAsTheWholeSort(MongoCollection<Document> collection) {
        // versions tie nearly everywhere, kinds in sevens: a page must break ties exactly as the whole sort does
        collection.updateMany(Filters.in("_id", "d-1", "d-4", "d-7", "d-10", "d-1999"), Updates.inc("version", 3));
        Bson queued = Filters.eq("state", "QUEUED");
        for (Bson order : List.of(Sorts.ascending("version"), Sorts.descending("meta.kind"),
                Sorts.orderBy(Sorts.descending("version"), Sorts.ascending("channel")))) {
            List<Document> whole = collection.find(queued).sort(order).into(new ArrayList<>());
            assertThat(whole).hasSize(DOCUMENTS - (DOCUMENTS + 2) / 3);
            for (int skip : new int[] {0, 3, whole.size() - 3}) {
                for (int limit : new int[] {1, 7, 500}) {
                    List<Document> expected = whole.subList(Math.min(skip, whole.size()),
                            Math.min(skip + limit, whole.size()));
                    String page = order.toBsonDocument() + " skip " + skip + " limit " + limit;
                    assertThat(collection.find(queued).sort(order).skip(skip).limit(limit).into(new ArrayList<>()))
                            .as(page).isEqualTo(expected);
                    assertThat(collection.find(queued).sort(order).skip(skip).limit(limit)
                            .projection(Projections.include("_id")).map(d -> d.get("_id")).into(new ArrayList<>()))
                            .as(page + " projected").isEqualTo(expected.stream().map(d -> d.get("_id")).toList());
                }
            }
        }
    }

    @Test
    void aStoreOnFileKeepsDataAndIndexesAndReadsFilesOfThePlainBackend(@TempDir Path directory) {
        Path file = directory.resolve("store.mv");
        try (EmbeddedStore onFile = EmbeddedStore.onFile(file); MongoClient fileClient = connect(onFile.bind())) {
            MongoCollection<Document> collection = seeded(fileClient);
            // top-level updates take a shortcut past the library's update; what they write must reach the file
            collection.updateOne(Filters.eq("_id", "d-1"), Updates.combine(Updates.set("state", "SENT"),
                    Updates.push("attempts", "a-1")));
            collection.replaceOne(Filters.eq("_id", "d-2"), new Document("requestId", "r-replaced").append("state", "SENT"));
        }
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient plainClient = connect(plain.bind())) {
            MongoCollection<Document> collection = plainClient.getDatabase("store").getCollection("deliveries");
            assertThat(collection.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(collection.find(Filters.eq("_id", "d-1")).first())
                    .containsEntry("state", "SENT").containsEntry("attempts", List.of("a-1"));
            assertThat(collection.find(Filters.eq("_id", "d-2")).first().toJson())
                    .isEqualTo("{\"_id\": \"d-2\", \"requestId\": \"r-replaced\", \"state\": \"SENT\"}");
            collection.insertOne(new Document("_id", "written-by-plain").append("requestId", "r-x")
                    .append("channel", "SMS").append("state", "QUEUED"));
        } finally {
            plain.shutdown();
        }
        try (EmbeddedStore reopened = EmbeddedStore.onFile(file); MongoClient again = connect(reopened.bind())) {
            MongoCollection<Document> collection = again.getDatabase("store").getCollection("deliveries");
            long before = reopened.work().documentsExamined();
            assertThat(collection.find(Filters.and(Filters.eq("_id", "written-by-plain"), Filters.eq("state", "QUEUED")))
                    .first()).isNotNull();
            assertThat(reopened.work().documentsExamined() - before).isOne();
            long beforeKind = reopened.work().documentsExamined();
            assertThat(ids(collection, Filters.eq("meta.kind", "k-6"))).hasSize(285);
            assertThat(reopened.work().documentsExamined() - beforeKind).isEqualTo(285);
            Supplier<Document> duplicate = () -> new Document("_id", "other").append("requestId", "r-x")
                    .append("channel", "SMS");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> collection.insertOne(duplicate.get()))
                    .hasMessageContaining("duplicate key");
        }
    }

    @Test
    void anInterruptionRefusesClientsAndKeepsTheDataForTheResume() {
        store.interrupt();
        try (MongoClient impatient = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + portOf(store)))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                .build())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> impatient.getDatabase("store").getCollection("deliveries").countDocuments())
                    .isInstanceOf(com.mongodb.MongoTimeoutException.class);
        }

        store.resume();

        assertThat(ids(deliveries, Filters.eq("meta.kind", "k-6"))).hasSize(285);
        deliveries.insertOne(new Document("_id", "after-the-outage"));
        assertThat(deliveries.countDocuments()).isEqualTo(DOCUMENTS + 1);
    }

    private static int portOf(EmbeddedStore store) {
        return store.address().getPort();
    }

    private static Bson randomFilter(Random random) {
        String id = "d-" + random.nextInt(DOCUMENTS + 5);
        String otherId = "d-" + random.nextInt(DOCUMENTS + 5);
        String state = random.nextBoolean() ? "QUEUED" : "SENT";
        String cell = "c-" + random.nextInt(55);
        return switch (random.nextInt(11)) {
            case 7 -> Filters.and(Filters.in("cells", cell, "c-" + random.nextInt(55)), Filters.eq("state", state));
            case 8 -> Filters.and(Filters.eq("state", state), Filters.lte("version", random.nextInt(3)));
            case 9 -> Filters.eq("meta.kind", "k-" + random.nextInt(8));
            case 10 -> Filters.and(Filters.eq("cells", cell), Filters.eq("_id", id));
            case 0 -> Filters.and(Filters.eq("_id", id), Filters.eq("state", state));
            case 1 -> Filters.and(Filters.in("_id", id, otherId), Filters.exists("lease", random.nextBoolean()));
            case 2 -> Filters.and(Filters.eq("requestId", "r-" + random.nextInt(DOCUMENTS)),
                    Filters.eq("channel", random.nextBoolean() ? "SMS" : "EMAIL"), Filters.eq("version", 0));
            case 3 -> Filters.and(Filters.eq("_id", id), Filters.or(Filters.eq("state", state), Filters.gt("version", 0)));
            case 4 -> Filters.and(Filters.gte("_id", id), Filters.eq("state", state));
            case 5 -> Filters.and(Filters.eq("_id", id), Filters.eq("requestId", null));
            default -> Filters.and(Filters.eq("requestId", "r-" + random.nextInt(DOCUMENTS)),
                    Filters.in("channel", "SMS", "EMAIL"));
        };
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
        List<Object> ids = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static MongoCollection<Document> seeded(MongoClient client) {
        MongoCollection<Document> collection = client.getDatabase("store").getCollection("deliveries");
        collection.createIndex(Indexes.ascending("requestId", "channel"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("cells"));
        collection.createIndex(Indexes.ascending("state", "version"));
        collection.createIndex(Indexes.ascending("meta.kind"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", "d-" + i).append("requestId", "r-" + i / 2)
                    .append("channel", i % 2 == 0 ? "SMS" : "EMAIL").append("version", 0)
                    .append("state", i % 3 == 0 ? "SENT" : "QUEUED")
                    .append("cells", List.of("c-" + i % 50, "c-" + (i + 1) % 50))
                    .append("meta", new Document("kind", "k-" + i % 7)));
        }
        collection.insertMany(documents);
        return collection;
    }

    private static MongoClient connect(InetSocketAddress address) {
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
