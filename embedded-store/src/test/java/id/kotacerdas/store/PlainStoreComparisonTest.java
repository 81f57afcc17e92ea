package id.kotacerdas.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random writes and reads, the same on the embedded store and on the plain mongo-java-server backend (in memory and
 * on file), with every answer compared: documents (as JSON, so field order and number types count), matched / modified / upserted
 * counts, returned documents, the code and message of every error (duplicate keys on insert, update and upsert,
 * immutable {@code _id}, conflicting paths, non-array {@code $push}), then the whole collection and the sizes
 * {@code collStats} and {@code validate} report. The writes cover {@code $set}, {@code $unset}, {@code $inc}, {@code $push},
 * {@code $pull}, {@code $addToSet} and {@code $rename} on unique, non-unique and unindexed fields, dotted paths, arrays,
 * numbers of different types that compare equal, nulls and missing fields, upserts and replacements.
 */
class PlainStoreComparisonTest {

    private static final int DOCUMENTS = 300;
    private static final String[] STATES = {"QUEUED", "SENDING", "SENT"};

    private SideBySideStores stores;
    private EmbeddedStore store;
    private MongoClient ourClient;
    private MongoClient plainClient;
    private MongoCollection<Document> ours;
    private MongoCollection<Document> reference;

    private void start(SideBySideStores stores) {
        this.stores = stores;
        store = stores.store;
        ourClient = stores.ours;
        plainClient = stores.reference;
        ours = prepared(stores.ours.getDatabase("store"));
        reference = prepared(stores.reference.getDatabase("store"));
    }

    @AfterEach
    void stop() {
        if (stores != null) {
            stores.close();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyAnswerIsThePlainStoresAfterRandomWrites(long seed) {
        start(new SideBySideStores());
        randomWritesAndReads(seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void everyAnswerIsThePlainStoresOnFileAfterRandomWrites(long seed, @TempDir Path directory) {
        start(SideBySideStores.onFiles(directory));
        randomWritesAndReads(seed);
    }

    private void randomWritesAndReads(long seed) {
        Random random = new Random(seed);
        List<Document> seeded = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            seeded.add(document(random, i));
        }
        same("seed", collection -> insertMany(collection, seeded));
        for (int step = 0; step < 700; step++) {
            // Writes that depend on the order of the matches (one document out of several; several until one fails)
            // use a filter that pins a unique index: among several matches the plain store goes in natural order,
            // this store in the order its non-unique index yields them (as MongoDB goes in index order). So a
            // filter several documents can match only reads, deletes, or updates what cannot fail.
            boolean unique = random.nextInt(3) > 0;
            Bson filter = unique ? uniqueFilter(random) : randomFilter(random);
            String label = step + " " + filter;
            switch (random.nextInt(12)) {
                case 0, 1 -> same(label, collection -> found(collection, filter));
                case 2, 3, 4 -> {
                    Bson update = randomUpdate(random, unique);
                    // an upsert by a filter without _id inserts a new ObjectId, different in each store
                    boolean upsert = random.nextInt(4) == 0;
                    Bson target = upsert ? idFilter(random) : filter;
                    boolean one = unique || upsert;
                    same(step + " " + target + (one ? " updateOne " : " updateMany ") + update + " upsert " + upsert,
                            collection -> outcome(() -> (one
                                    ? collection.updateOne(target, update, new UpdateOptions().upsert(upsert))
                                    : collection.updateMany(target, update)).toString()));
                }
                case 5, 6 -> {
                    Bson update = randomUpdate(random, unique);
                    same(label + " updateMany " + update, collection -> outcome(() ->
                            collection.updateMany(filter, update).toString()));
                }
                case 7 -> {
                    Bson update = randomUpdate(random, true);
                    ReturnDocument returned = random.nextBoolean() ? ReturnDocument.BEFORE : ReturnDocument.AFTER;
                    boolean upsert = random.nextBoolean();
                    Bson pinned = upsert ? idFilter(random) : unique ? filter : uniqueFilter(random);
                    same(step + " " + pinned + " findOneAndUpdate " + update, collection -> outcome(() ->
                            String.valueOf(json(collection.findOneAndUpdate(pinned, update,
                                    new FindOneAndUpdateOptions().returnDocument(returned).upsert(upsert))))));
                }
                case 8 -> {
                    Bson pinned = unique ? filter : uniqueFilter(random);
                    Document replacement = replacement(random, reference.find(pinned).first());
                    same(step + " " + pinned + " replaceOne " + replacement.toJson(), collection -> outcome(() ->
                            collection.replaceOne(pinned, replacement).toString()));
                }
                case 9 -> {
                    Document inserted = document(random, random.nextInt(DOCUMENTS + 40));
                    same(label + " insertOne " + inserted.toJson(), collection -> outcome(() ->
                            collection.insertOne(Document.parse(inserted.toJson())).toString()));
                }
                case 10 -> {
                    List<Document> batch = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        batch.add(document(random, random.nextInt(DOCUMENTS + 40)));
                    }
                    same(label + " insertMany", collection -> insertMany(collection, batch));
                }
                default -> {
                    boolean one = unique && random.nextBoolean();
                    same(label + (one ? " deleteOne" : " deleteMany"), collection -> outcome(() -> (one
                            ? collection.deleteOne(filter) : collection.deleteMany(filter)).toString()));
                }
            }
            if (step % 50 == 0) {
                sameContents("after step " + step);
            }
        }
        sameContents("at the end");
    }

    private void sameContents(String when) {
        // (natural order is not compared: deletes in a different order leave different free slots for inserts)
        same(when + ": by _id", collection -> {
            List<String> all = new ArrayList<>();
            collection.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(document.toJson()));
            return all.toString();
        });
        same(when + ": collStats", collection -> {
            Document stats = database(collection).runCommand(new Document("collStats", "deliveries"));
            return List.of(stats.get("count"), stats.get("size"), stats.get("avgObjSize"), stats.get("nindexes"))
                    .toString();
        });
        same(when + ": validate", collection -> {
            Document validated = database(collection).runCommand(new Document("validate", "deliveries"));
            // the plain store keeps no non-unique index (it reports 0 keys for them); the unique ones must agree
            Document keys = validated.get("keysPerIndex", Document.class);
            return List.of(validated.get("datasize"), validated.get("nrecords"), keys.get("_id_"),
                    keys.get("requestId_1_channel_1"), keys.get("ref.no_1"), keys.get("code_1")).toString();
        });
    }

    private MongoDatabase database(MongoCollection<Document> collection) {
        return (collection == ours ? ourClient : plainClient).getDatabase("store");
    }

    private void same(String what, Function<MongoCollection<Document>, String> operation) {
        String expected = operation.apply(reference);
        String actual = operation.apply(ours);
        assertThat(actual).as(what).isEqualTo(expected);
    }

    /** The matching documents as JSON, in the order the store answers (sorted by _id: see the note in found). */
    private static String found(MongoCollection<Document> collection, Bson filter) {
        return outcome(() -> {
            List<String> documents = new ArrayList<>();
            // an index-narrowed query answers in the index's order, a scan in natural order: compare sorted
            collection.find(filter).sort(Sorts.ascending("_id")).forEach(document -> documents.add(document.toJson()));
            return documents.toString();
        });
    }

    private static String insertMany(MongoCollection<Document> collection, List<Document> documents) {
        List<Document> copies = new ArrayList<>();
        for (Document document : documents) {
            copies.add(Document.parse(document.toJson()));
        }
        return outcome(() -> collection.insertMany(copies, new InsertManyOptions().ordered(false)).toString());
    }

    private static String json(Document document) {
        return document == null ? null : document.toJson();
    }

    private static String outcome(java.util.function.Supplier<String> operation) {
        try {
            return operation.get();
        } catch (MongoWriteException e) {
            return "write error " + e.getError().getCode() + " " + e.getError().getMessage();
        } catch (MongoBulkWriteException e) {
            List<String> errors = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                errors.add(error.getIndex() + ":" + error.getCode() + " " + error.getMessage());
            }
            return "bulk errors " + errors + " inserted " + e.getWriteResult().getInsertedCount();
        } catch (MongoCommandException e) {
            return "command error " + e.getErrorCode() + " " + e.getErrorMessage();
        }
    }

    private static MongoCollection<Document> prepared(MongoDatabase database) {
        MongoCollection<Document> collection = database.getCollection("deliveries");
        collection.createIndex(Indexes.ascending("requestId", "channel"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("ref.no"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("state", "dueAt"));
        collection.createIndex(Indexes.ascending("cells"));
        collection.createIndex(Indexes.ascending("meta.kind"));
        return collection;
    }

    /** Numbers of different types that the store compares as equal, a long a double cannot hold, null. */
    private static Object requestId(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> random.nextInt(5);
            case 1 -> (double) random.nextInt(5);
            case 2 -> (long) random.nextInt(5);
            case 3 -> random.nextBoolean() ? 9_007_199_254_740_993L : 9_007_199_254_740_992.0;
            case 4 -> null;
            default -> "r-" + random.nextInt(DOCUMENTS / 2);
        };
    }

    private static Document document(Random random, int i) {
        Object id = i % 10 == 3 ? (Object) i : "d-" + i;
        Document document = new Document("_id", id).append("requestId", i < DOCUMENTS ? "r-" + i / 2 : requestId(random));
        if (i % 11 != 5) {
            document.append("channel", i % 2 == 0 ? "SMS" : "EMAIL");
        }
        document.append("state", STATES[random.nextInt(STATES.length)]).append("dueAt", random.nextInt(6))
                .append("version", 0);
        switch (i % 7) {
            case 0 -> { } // no cells
            case 1 -> document.append("cells", List.of());
            case 2 -> document.append("cells", "c-" + random.nextInt(9));
            default -> document.append("cells", List.of("c-" + random.nextInt(9), "c-" + random.nextInt(9)));
        }
        document.append("meta", new Document("kind", i % 13 == 0 ? (Object) (i % 3) : "k-" + i % 5)
                .append("n", random.nextInt(3)));
        if (i % 9 != 4) {
            document.append("ref", new Document("no", i));
        }
        if (i % 4 == 0) {
            document.append("code", "x-" + i);
        }
        if (i % 17 == 0) {
            document.append("outbox", List.of(new Document("event", "e-" + i).append("at", i)));
        }
        return document;
    }

    /**
     * A new document; or the stored one again with its numbers as doubles, its fields in reverse order, or both (the
     * same document to the plain store's equality: matched, not modified); with its own {@code _id}, another one (the
     * immutable field's error) or none.
     */
    private static Document replacement(Random random, Document stored) {
        Document replacement;
        if (stored == null || random.nextInt(3) == 0) {
            replacement = document(random, random.nextInt(DOCUMENTS + 20));
        } else {
            List<String> keys = new ArrayList<>(stored.keySet());
            if (random.nextBoolean()) {
                java.util.Collections.reverse(keys);
            }
            boolean doubles = random.nextBoolean();
            replacement = new Document();
            for (String key : keys) {
                Object value = stored.get(key);
                replacement.append(key, doubles && value instanceof Integer number ? number.doubleValue() : value);
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> replacement.put("_id", stored != null ? stored.get("_id") : "d-0");
            case 1 -> replacement.put("_id", "other-" + random.nextInt(3));
            default -> replacement.remove("_id");
        }
        return replacement;
    }

    /** A filter at most one document can match: it pins a unique index (and may add other conditions). */
    private static Bson uniqueFilter(Random random) {
        Object id = random.nextInt(10) == 3 ? (Object) random.nextInt(DOCUMENTS + 20)
                : "d-" + random.nextInt(DOCUMENTS + 20);
        String state = STATES[random.nextInt(STATES.length)];
        return switch (random.nextInt(11)) {
            case 0, 1, 2, 3 -> Filters.and(Filters.eq("_id", id), Filters.eq("state", state));
            case 4 -> Filters.eq("_id", id);
            case 5 -> Filters.and(Filters.eq("requestId", requestId(random)),
                    Filters.eq("channel", random.nextBoolean() ? "SMS" : "EMAIL"));
            case 6 -> Filters.eq("ref.no", random.nextBoolean() ? random.nextInt(DOCUMENTS) : random.nextInt(5) * 1.0);
            case 7 -> Filters.eq("code", "x-" + 4 * random.nextInt(DOCUMENTS / 4));
            case 8 -> Filters.and(Filters.eq("_id", id), Filters.eq("cells", "c-" + random.nextInt(9)));
            case 9 -> Filters.and(Filters.eq("_id", id), Filters.ne("outbox.event", "e-" + random.nextInt(50)));
            default -> Filters.and(Filters.eq("_id", id), Filters.exists("lease", random.nextBoolean()));
        };
    }

    /** A filter that pins {@code _id} (so that an upsert inserts the same document in both stores). */
    private static Bson idFilter(Random random) {
        Object id = random.nextInt(10) == 3 ? (Object) random.nextInt(DOCUMENTS + 20)
                : "d-" + random.nextInt(DOCUMENTS + 20);
        String state = STATES[random.nextInt(STATES.length)];
        return switch (random.nextInt(4)) {
            case 0, 1 -> Filters.and(Filters.eq("_id", id), Filters.eq("state", state));
            case 2 -> Filters.eq("_id", id);
            default -> Filters.and(Filters.eq("_id", id), Filters.eq("requestId", requestId(random)),
                    Filters.eq("ref.no", random.nextInt(DOCUMENTS + 40)));
        };
    }

    private static Bson randomFilter(Random random) {
        String state = STATES[random.nextInt(STATES.length)];
        String cell = "c-" + random.nextInt(9);
        return switch (random.nextInt(9)) {
            case 0 -> Filters.in("_id", "d-" + random.nextInt(DOCUMENTS), random.nextInt(DOCUMENTS),
                    "d-" + random.nextInt(DOCUMENTS));
            case 1, 2 -> Filters.and(Filters.eq("state", state), Filters.lte("dueAt", random.nextInt(6)));
            case 3 -> Filters.in("cells", cell, "c-" + random.nextInt(9));
            case 4 -> Filters.eq("meta.kind", random.nextBoolean() ? "k-" + random.nextInt(5) : random.nextInt(3));
            case 5 -> Filters.exists("channel", false);
            case 6 -> Filters.eq("requestId", null);
            case 7 -> Filters.in("requestId", requestId(random), requestId(random));
            default -> Filters.and(Filters.gte("version", 1), Filters.eq("state", state));
        };
    }

    /** Updates that may fail on some documents (unique keys, {@code $push} to a string) only when {@code any}. */
    private static Bson randomUpdate(Random random, boolean any) {
        List<Bson> parts = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        List<String> touched = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Bson part = randomUpdatePart(random, touched, any);
            if (part != null) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            parts.add(Updates.set("note", random.nextInt(3)));
        }
        return Updates.combine(parts);
    }

    /** One operator on one field, never a field already touched (that conflict is tried on its own, case 20). */
    private static Bson randomUpdatePart(Random random, List<String> touched, boolean any) {
        int kind = random.nextInt(24);
        if (!any && List.of(4, 5, 6, 7, 8, 13, 14, 15).contains(kind)) {
            kind = 0;
        }
        String field = switch (kind) {
            case 0, 1, 2 -> "state";
            case 3 -> "dueAt";
            case 4, 5 -> "requestId";
            case 6 -> "channel";
            case 7, 8, 9 -> "cells";
            case 10, 11 -> "meta.kind";
            case 12 -> "meta.n";
            case 13, 14 -> "ref.no";
            case 15 -> "code";
            case 16, 17 -> "note";
            case 18 -> "version";
            case 19 -> "outbox";
            case 20 -> "conflict";
            case 21 -> "_id";
            case 22 -> "meta";
            default -> "lease";
        };
        if (touched.stream().anyMatch(other -> other.equals(field) || other.startsWith(field + ".")
                || field.startsWith(other + "."))) {
            return null;
        }
        touched.add(field);
        return switch (kind) {
            case 0, 1 -> Updates.set("state", STATES[random.nextInt(STATES.length)]);
            case 2 -> Updates.unset("state");
            case 3 -> random.nextBoolean() ? Updates.inc("dueAt", 1) : Updates.set("dueAt", random.nextInt(6) * 1.0);
            case 4 -> Updates.set("requestId", requestId(random));
            case 5 -> Updates.unset("requestId");
            case 6 -> random.nextBoolean() ? Updates.unset("channel") : Updates.set("channel", "SMS");
            case 7 -> Updates.push("cells", "c-" + random.nextInt(9));
            case 8 -> random.nextBoolean() ? Updates.pull("cells", "c-" + random.nextInt(9))
                    : Updates.addToSet("cells", "c-" + random.nextInt(9));
            case 9 -> random.nextBoolean() ? Updates.set("cells", List.of("c-" + random.nextInt(9)))
                    : Updates.set("cells", "c-" + random.nextInt(9));
            case 10 -> Updates.set("meta.kind", "k-" + random.nextInt(5));
            case 11 -> Updates.unset("meta.kind");
            case 12 -> Updates.inc("meta.n", random.nextBoolean() ? 1 : 0.5);
            case 13 -> Updates.set("ref.no", random.nextBoolean() ? random.nextInt(DOCUMENTS) : (double) random.nextInt(5));
            case 14 -> Updates.unset("ref.no");
            case 15 -> random.nextBoolean() ? Updates.set("code", "x-" + 4 * random.nextInt(DOCUMENTS / 4))
                    : Updates.unset("code");
            case 16 -> Updates.set("note", random.nextBoolean() ? "n-" + random.nextInt(3) : new Document("a", 1));
            case 17 -> Updates.rename("note", "memo");
            case 18 -> Updates.inc("version", 1);
            case 19 -> Updates.pushEach("outbox", List.of(new Document("event", "e-" + random.nextInt(50))));
            case 20 -> Updates.combine(Updates.set("meta.n", 1), Updates.set("meta", new Document("kind", "k-1")));
            case 21 -> Updates.set("_id", "moved-" + random.nextInt(3));
            case 22 -> Updates.set("meta", new Document("kind", random.nextBoolean() ? "k-2" : List.of("k-2", "k-3")));
            default -> Updates.set("lease", random.nextInt(4));
        };
    }
}
