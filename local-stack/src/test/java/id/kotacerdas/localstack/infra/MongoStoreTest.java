package id.kotacerdas.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import id.kotacerdas.localstack.FreePorts;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void documentsAndUniqueIndexesSurviveARestartOfTheStore() {
        Path file = dir.resolve("mongo").resolve("store.mv");
        int port = FreePorts.next();
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", port); MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> reports = client.getDatabase("intake-service").getCollection("reports");
            reports.createIndex(Indexes.ascending("trackingCode"), new IndexOptions().unique(true));
            reports.insertOne(new Document("_id", "r-1").append("trackingCode", "MMK-0001").append("serviceCode", "jalan-rusak"));
        }
        assertThat(file).exists();

        try (MongoStore store = MongoStore.start(file, "127.0.0.1", port); MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> reports = client.getDatabase("intake-service").getCollection("reports");
            assertThat(reports.find(new Document("_id", "r-1")).first())
                    .isNotNull()
                    .containsEntry("trackingCode", "MMK-0001")
                    .containsEntry("serviceCode", "jalan-rusak");
            assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r-2").append("trackingCode", "MMK-0001")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void aStoppedStoreKeepsItsDataInMemoryOrOnFileForTheRestart() {
        int port = FreePorts.next();
        for (MongoStore store : java.util.List.of(MongoStore.startInMemory("127.0.0.1", port),
                MongoStore.start(dir.resolve("outage").resolve("store.mv"), "127.0.0.1", FreePorts.next()))) {
            try (store; MongoClient client = MongoClients.create(store.uri())) {
                MongoCollection<Document> reports = client.getDatabase("intake-service").getCollection("reports");
                reports.insertOne(new Document("_id", "r-1"));

                store.interrupt();
                assertThat(MongoStore.accepts("127.0.0.1", store.port())).isFalse();
                store.resume();

                assertThat(reports.find(new Document("_id", "r-1")).first()).isNotNull();
            }
        }
    }

    @Test
    void theStoreKindIsChosenBySmartcityStore() {
        assertThat(id.kotacerdas.localstack.StackSettings.from(java.util.Map.of()).storeInMemory()).isFalse();
        assertThat(id.kotacerdas.localstack.StackSettings.from(java.util.Map.of("SMARTCITY_STORE", "memory"))
                .storeInMemory()).isTrue();
        assertThatThrownBy(() -> id.kotacerdas.localstack.StackSettings.from(java.util.Map.of("SMARTCITY_STORE", "disk")))
                .hasMessageContaining("SMARTCITY_STORE must be 'file' or 'memory'");
    }
}
