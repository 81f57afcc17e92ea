package id.kotacerdas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Path;

/**
 * The embedded store and the plain mongo-java-server backend of the same kind (memory, or an H2 file), each with a
 * driver client, to compare answers.
 */
final class SideBySideStores implements AutoCloseable {

    final EmbeddedStore store;
    final MongoServer plain;
    final MongoClient ours;
    final MongoClient reference;

    SideBySideStores() {
        this(EmbeddedStore.inMemory(), new MemoryBackend());
    }

    private SideBySideStores(EmbeddedStore store, MongoBackend plainBackend) {
        this.store = store;
        this.plain = new MongoServer(plainBackend);
        this.ours = MongoClients.create("mongodb://127.0.0.1:" + store.bind().getPort());
        this.reference = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort());
    }

    /** Both on H2 MVStore files in {@code directory}. */
    static SideBySideStores onFiles(Path directory) {
        return new SideBySideStores(EmbeddedStore.onFile(directory.resolve("ours.mv")),
                new H2Backend(directory.resolve("plain.mv").toString()));
    }

    @Override
    public void close() {
        ours.close();
        reference.close();
        store.close();
        plain.shutdownNow();
    }
}
