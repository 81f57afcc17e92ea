package id.kotacerdas.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import id.kotacerdas.store.EmbeddedStore;

/**
 * The MongoDB-wire store ({@link EmbeddedStore}: mongo-java-server over an H2 MVStore file, so data and indexes
 * survive restarts, or in memory). Runs inside the launcher's JVM.
 */
public final class MongoStore implements AutoCloseable {

    public static final String PART = "mongo";

    private final EmbeddedStore store;
    private final int port;

    private MongoStore(EmbeddedStore store, int port) {
        this.store = store;
        this.port = port;
    }

    public static MongoStore start(Path file, String host, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started(EmbeddedStore.onFile(file), host, port);
    }

    /** Twice as fast as on file; the data lasts as long as the launcher. */
    public static MongoStore startInMemory(String host, int port) {
        return started(EmbeddedStore.inMemory(), host, port);
    }

    private static MongoStore started(EmbeddedStore store, String host, int port) {
        store.bind(host, port);
        return new MongoStore(store, port);
    }

    /** Drops every client and stops answering, keeping the data, until {@link #resume()}: an outage. */
    public void interrupt() {
        store.interrupt();
    }

    public void resume() {
        store.resume();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "mongodb://localhost:" + port;
    }

    /** A cheap liveness check: the wire port accepts connections. */
    public static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
