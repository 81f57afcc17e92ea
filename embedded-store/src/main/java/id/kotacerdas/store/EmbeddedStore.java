package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The platform's embedded MongoDB-wire store: mongo-java-server, in memory or on an H2 MVStore file, answering the
 * real MongoDB driver. Queries that pin a unique index's keys read only those documents (see
 * {@link IndexedQueries}). Start it with {@link #inMemory()} or {@link #onFile(Path)}, then {@link #bind}.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final QueryWork work;
    private final Runnable closeBackend;

    private EmbeddedStore(MongoServer server, QueryWork work, Runnable closeBackend) {
        this.server = server;
        this.work = work;
        this.closeBackend = closeBackend;
    }

    public static EmbeddedStore inMemory() {
        QueryWork work = new QueryWork();
        return new EmbeddedStore(new MongoServer(new PlannedMemoryBackend(work)), work, () -> { });
    }

    /** A store whose data and indexes survive restarts in {@code file}. */
    public static EmbeddedStore onFile(Path file) {
        QueryWork work = new QueryWork();
        PlannedH2Backend backend = new PlannedH2Backend(MVStore.open(file.toString()), work);
        return new EmbeddedStore(new MongoServer(backend), work, () -> {
            if (!backend.getMvStore().isClosed()) {
                backend.close();
            }
        });
    }

    /** Listens on {@code host:port} (port 0: any free port) and returns the bound address. */
    public InetSocketAddress bind(String host, int port) {
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            closeBackend.run();
            throw e;
        }
        return server.getLocalAddress();
    }

    public InetSocketAddress bind() {
        return bind("127.0.0.1", 0);
    }

    public QueryWork work() {
        return work;
    }

    /** Stops at once, dropping open connections (tests; simulating an outage). */
    public void shutdownNow() {
        server.shutdownNow();
        closeBackend.run();
    }

    @Override
    public void close() {
        // shutdown() closes the backend, which commits and closes an MVStore file
        server.shutdown();
        closeBackend.run();
    }
}
