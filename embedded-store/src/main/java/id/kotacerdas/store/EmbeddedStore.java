package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoBackend;
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

    private final HeldBackend backend;
    private final QueryWork work;
    private MongoServer server;
    private InetSocketAddress address;

    private EmbeddedStore(MongoBackend backend, QueryWork work) {
        this.backend = new HeldBackend(backend);
        this.work = work;
        this.server = new MongoServer(this.backend);
    }

    /** Fast; the data lives as long as this object (an {@link #interrupt() outage} keeps it). */
    public static EmbeddedStore inMemory() {
        QueryWork work = new QueryWork();
        return new EmbeddedStore(new PlannedMemoryBackend(work), work);
    }

    /** A store whose data and indexes survive restarts in {@code file}. */
    public static EmbeddedStore onFile(Path file) {
        QueryWork work = new QueryWork();
        return new EmbeddedStore(new PlannedH2Backend(MVStore.open(file.toString()), work), work);
    }

    /** Listens on {@code host:port} (port 0: any free port) and returns the bound address. */
    public synchronized InetSocketAddress bind(String host, int port) {
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.release();
            throw e;
        }
        address = server.getLocalAddress();
        return address;
    }

    /** Drops every connection and stops listening, keeping the data: an outage as clients see it. */
    public synchronized void interrupt() {
        backend.hold();
        server.shutdownNow();
        server = null;
    }

    /** Listens again on the same address after {@link #interrupt()}. */
    public synchronized void resume() {
        if (server != null) {
            throw new IllegalStateException("the store is not interrupted");
        }
        server = new MongoServer(backend);
        server.bind(address.getHostString(), address.getPort());
    }

    public InetSocketAddress bind() {
        return bind("127.0.0.1", 0);
    }

    /** Where it listens (or listened, while interrupted). */
    public synchronized InetSocketAddress address() {
        return address;
    }

    public QueryWork work() {
        return work;
    }

    /** Stops at once, dropping open connections, and closes the data. */
    public synchronized void shutdownNow() {
        backend.release();
        if (server != null) {
            server.shutdownNow();
        }
        backend.close();
    }

    /** Stops, and closes the data (an MVStore file is committed and closed). */
    @Override
    public synchronized void close() {
        backend.release();
        if (server != null) {
            server.shutdown();
        }
        backend.close();
    }
}
