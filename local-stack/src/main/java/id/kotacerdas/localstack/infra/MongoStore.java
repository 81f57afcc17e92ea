package id.kotacerdas.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB-wire store: mongo-java-server over an H2 MVStore file, so data and indexes survive restarts.
 * Runs inside the launcher's JVM.
 */
public final class MongoStore implements AutoCloseable {

    public static final String PART = "mongo";

    private final H2Backend backend;
    private final MongoServer server;
    private final int port;

    private MongoStore(H2Backend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    public static MongoStore start(Path file, String host, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoStore(backend, server, port);
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
        server.shutdown();
        // shutdown() closes the backend, which commits and closes the MVStore file
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
    }
}
