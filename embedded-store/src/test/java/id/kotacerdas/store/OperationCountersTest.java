package id.kotacerdas.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class OperationCountersTest {

    @Test
    void serverStatusCountsOperationsAsMongodDoesAndEachCommandReceived() {
        try (EmbeddedStore store = EmbeddedStore.inMemory();
             // no heartbeat after the first within the test: every command counted is the test's own
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.bind().getPort()
                     + "/?heartbeatFrequencyMS=60000")) {
            MongoDatabase admin = client.getDatabase("admin");
            MongoCollection<Document> reports = client.getDatabase("city").getCollection("reports");
            Document before = admin.runCommand(new Document("serverStatus", 1));

            reports.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b"), new Document("_id", "c")));
            reports.updateOne(Filters.eq("_id", "a"), Updates.set("status", "ROUTED"));
            reports.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", "b"), Updates.set("status", "ROUTED")),
                    new UpdateOneModel<>(Filters.eq("_id", "c"), Updates.set("status", "ROUTED"))));
            reports.find(Filters.eq("status", "ROUTED")).into(new java.util.ArrayList<>());
            reports.aggregate(List.of(new Document("$match", new Document()))).into(new java.util.ArrayList<>());
            reports.deleteOne(Filters.eq("_id", "c"));
            reports.estimatedDocumentCount();
            Document after = admin.runCommand(new Document("serverStatus", 1));

            Document counted = difference(before.get("opcounters", Document.class), after.get("opcounters", Document.class));
            // one document each inserted, one statement each updated or deleted, as mongod counts them
            assertThat(counted.getLong("insert")).isEqualTo(3);
            assertThat(counted.getLong("update")).isEqualTo(3);
            assertThat(counted.getLong("delete")).isEqualTo(1);
            assertThat(counted.getLong("query")).as("find and aggregate").isEqualTo(2);
            assertThat(counted.getLong("getmore")).isZero();
            assertThat(counted.getLong("command")).as("count, and the second serverStatus itself").isEqualTo(2);

            Document commands = after.get("metrics", Document.class).get("commands", Document.class);
            Document commandsBefore = before.get("metrics", Document.class).get("commands", Document.class);
            // round trips: the insert of three documents is one, the bulk of two updates is one
            assertThat(total(commands, "insert") - total(commandsBefore, "insert")).isEqualTo(1);
            assertThat(total(commands, "update") - total(commandsBefore, "update")).isEqualTo(2);
            assertThat(total(commands, "delete") - total(commandsBefore, "delete")).isEqualTo(1);
            assertThat(total(commands, "find") - total(commandsBefore, "find")).isEqualTo(1);
        }
    }

    private static Document difference(Document before, Document after) {
        Document difference = new Document();
        after.forEach((name, count) -> difference.put(name,
                ((Number) count).longValue() - ((Number) before.get(name)).longValue()));
        return difference;
    }

    private static long total(Document commands, String name) {
        Document command = commands.get(name, Document.class);
        return command == null ? 0 : ((Number) command.get("total")).longValue();
    }
}
