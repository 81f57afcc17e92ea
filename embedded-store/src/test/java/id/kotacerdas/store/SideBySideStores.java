package id.kotacerdas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The embedded store and the plain mongo-java-server memory backend, each with a driver client, to compare answers. */
final class SideBySideStores implements AutoCloseable {

    final EmbeddedStore store = EmbeddedStore.inMemory();
    final MongoServer plain = new MongoServer(new MemoryBackend());
    final MongoClient ours = MongoClients.create("mongodb://127.0.0.1:" + store.bind().getPort());
    final MongoClient reference = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort());

    @Override
    public void close() {
        ours.close();
        reference.close();
        store.close();
        plain.shutdownNow();
    }
}
