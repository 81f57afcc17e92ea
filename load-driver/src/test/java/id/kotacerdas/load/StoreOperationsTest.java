package id.kotacerdas.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import id.kotacerdas.store.EmbeddedStore;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StoreOperationsTest {

    @Test
    void theStoresCountersTellItsWorkPerUnitBetweenTwoSnapshots() {
        try (EmbeddedStore embedded = EmbeddedStore.inMemory()) {
            // no heartbeat after the first within the test: every command counted is the test's own
            String uri = "mongodb://127.0.0.1:" + embedded.bind().getPort() + "/?heartbeatFrequencyMS=60000";
            try (StoreOperations store = new StoreOperations(uri); MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> reports = client.getDatabase("city").getCollection("reports");
                reports.find().first();
                Map<String, Long> before = store.snapshot();

                for (int report = 0; report < 4; report++) {
                    reports.insertMany(List.of(new Document("_id", "r" + report), new Document("_id", "o" + report)));
                    reports.find(new Document("_id", "r" + report)).first();
                }
                Map<String, Long> after = store.snapshot();

                // per report: one insert command of two documents and one find, plus the snapshot's own serverStatus
                assertThat(StoreOperations.perUnit(before, after, 4)).contains(
                        StoreOperations.COMMANDS + " 2.25", "insert 2.00", "query 1.00", "update 0.00", "command 0.25");
            }
        }
    }

    @Test
    void aStoreWithoutCountersPrintsNothing() {
        assertThat(StoreOperations.perUnit(Map.of(), Map.of(), 10)).isEmpty();
    }
}
