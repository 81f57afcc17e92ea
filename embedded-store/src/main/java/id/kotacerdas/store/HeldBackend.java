package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * A backend that outlives its server while held: {@code MongoServer.shutdown()} closes (for the in-memory backend:
 * empties) its backend, so an outage simulated by stopping the server would otherwise lose the data. It also counts
 * the operations it receives, for {@code serverStatus} ({@link OperationCounters}).
 */
final class HeldBackend implements MongoBackend {

    private final MongoBackend backend;
    private final OperationCounters counters = new OperationCounters();
    private volatile boolean held;
    private boolean closed;

    HeldBackend(MongoBackend backend) {
        this.backend = backend;
    }

    void hold() {
        held = true;
    }

    void release() {
        held = false;
    }

    @Override
    public synchronized void close() {
        if (!held && !closed) {
            closed = true;
            backend.close();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return backend.handleCommand(channel, database, command, query);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return backend.handleQuery(query);
    }

    /** Every command of a current driver arrives here (OP_MSG); only the legacy opcodes pass by uncounted. */
    @Override
    public Document handleMessage(MongoMessage message) {
        String command = counters.count(message.getDocument());
        Document answer = backend.handleMessage(message);
        return "serverStatus".equalsIgnoreCase(command) ? counters.addTo(answer) : answer;
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
