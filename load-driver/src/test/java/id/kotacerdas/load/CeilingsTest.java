package id.kotacerdas.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.kotacerdas.store.EmbeddedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CeilingsTest {

    @Test
    void theStoreCeilingIsARateOfInsertsTheStoreTookAndLeavesNoScratchDatabase() throws Exception {
        try (EmbeddedStore embedded = EmbeddedStore.inMemory()) {
            String uri = "mongodb://127.0.0.1:" + embedded.bind().getPort() + "/?heartbeatFrequencyMS=60000";
            try (StoreOperations store = new StoreOperations(uri); MongoClient client = MongoClients.create(uri)) {
                Map<String, Long> before = store.snapshot();

                double rate = Ceilings.storeInsertRate(uri, 200, 4);

                assertThat(rate).isPositive();
                assertThat(store.snapshot().get("insert") - before.get("insert")).isEqualTo(200);
                assertThat(client.listDatabaseNames().into(new ArrayList<>()))
                        .noneMatch(name -> name.startsWith("loadtest_"));
            }
        }
    }

    @Test
    void inParallelRunsEverySendOnceOverTheThreads() throws Exception {
        List<Integer> sent = java.util.Collections.synchronizedList(new ArrayList<>());

        int count = Ceilings.inParallel(3, 10, (thread, index) -> sent.add(index));

        assertThat(count).isEqualTo(10);
        assertThat(sent).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
