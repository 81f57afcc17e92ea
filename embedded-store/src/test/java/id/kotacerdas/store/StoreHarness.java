package id.kotacerdas.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what the store costs per operation, through the real MongoDB driver against {@link EmbeddedStore#inMemory()}:
 * a collection of {@code harness.documents} (50,000) delivery-like documents with the indexes a service has (unique
 * {@code _id}, unique {@code {requestId, channel}}, non-unique {@code {state, dueAt}}), then, per round: single
 * inserts, conditional updates by {@code {_id, state}} with a {@code $set} of three fields (one of them the indexed
 * {@code state}), bulks of 100 such updates, finds by {@code _id}, and pages of the 500 QUEUED documents due first
 * (sorted by {@code dueAt}, a quarter to a half of the collection QUEUED). For each: operations per second (one client,
 * closed loop), CPU-µs and allocated KiB per operation of the store's threads ({@code mongo-server-worker}: the
 * wire, the commands and the collection; the allocation does not depend on what else the machine runs), CPU-µs per
 * operation of the whole process (driver and harness included), and the load average before and after;
 * at the end the median of the measured rounds. {@code -Dharness.phases=update,bulk} runs some of them (e.g. under a
 * profiler), {@code -Dharness.rounds}, {@code -Dharness.warmup}, {@code -Dharness.operations} and
 * {@code -Dharness.documents} size the run. Not a test: see the module's README for the command.
 */
public final class StoreHarness {

    private static final int DOCUMENTS = Integer.getInteger("harness.documents", 50_000);
    private static final int WARM_UP_ROUNDS = Integer.getInteger("harness.warmup", 2);
    private static final int ROUNDS = Integer.getInteger("harness.rounds", 5);
    private static final int OPERATIONS = Integer.getInteger("harness.operations", 10_000);
    private static final int BULK = 100;
    /** A notification dispatcher's read of its backlog: every QUEUED document is a candidate, 500 are answered. */
    private static final int DUE_PAGES = Integer.getInteger("harness.due-pages", 50);
    /** Which of insert, update, bulk, find to run (all by default), e.g. to profile one of them. */
    private static final List<String> PHASES = List.of(System.getProperty("harness.phases", "insert,update,bulk,find,due")
            .split(","));
    private static final String[] STATES = {"QUEUED", "SENDING", "SENT", "DELIVERED"};

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MongoCollection<Document> deliveries;
    private final String[] states = new String[DOCUMENTS];
    private final Map<String, List<double[]>> measured = new java.util.LinkedHashMap<>();
    private int next;
    private int inserted;

    private StoreHarness(MongoCollection<Document> deliveries) {
        this.deliveries = deliveries;
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            InetSocketAddress address = store.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                StoreHarness harness = new StoreHarness(client.getDatabase("harness").getCollection("deliveries"));
                harness.seed();
                System.out.printf(Locale.ROOT, "%,d documents, %d cores, JDK %s%n", DOCUMENTS,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                for (int round = 1; round <= WARM_UP_ROUNDS + ROUNDS; round++) {
                    harness.round(round <= WARM_UP_ROUNDS ? "warm-up " + round : "round " + (round - WARM_UP_ROUNDS));
                }
                harness.summary();
            }
        }
    }

    private void seed() {
        deliveries.createIndex(Indexes.ascending("requestId", "channel"), new IndexOptions().unique(true));
        deliveries.createIndex(Indexes.ascending("state", "dueAt"));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            states[i] = STATES[i % 2];
            batch.add(delivery("d-" + i, "r-" + i, states[i]));
            if (batch.size() == 1_000) {
                deliveries.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deliveries.insertMany(batch);
        }
    }

    private static Document delivery(String id, String requestId, String state) {
        Date now = new Date();
        return new Document("_id", id).append("requestId", requestId).append("channel", "SMS")
                .append("recipient", "+6281234" + Math.abs(id.hashCode() % 100_000))
                .append("body", "Laporan Anda " + requestId + " telah diterima dan sedang diteruskan ke dinas terkait.")
                .append("state", state).append("dueAt", now).append("version", 0).append("createdAt", now)
                .append("attempts", List.of(new Document("at", now).append("outcome", "SUBMITTED")
                        .append("messageId", "m-" + id)))
                .append("outbox", List.of());
    }

    private void round(String name) {
        measure(name, "insert one", OPERATIONS / 2, 1, () -> {
            String id = "n-" + inserted++;
            deliveries.insertOne(delivery(id, "rn-" + id, "QUEUED"));
        });
        measure(name, "update by {_id, state}, $set 3", OPERATIONS, 1, () -> {
            if (deliveries.updateOne(Filters.and(Filters.eq("_id", "d-" + next), Filters.eq("state", states[next])),
                    transition(next)).getMatchedCount() != 1) {
                throw new IllegalStateException("no match for d-" + next);
            }
            advance();
        });
        measure(name, "bulk of 100 such updates", OPERATIONS / BULK, BULK, () -> {
            List<WriteModel<Document>> writes = new ArrayList<>(BULK);
            for (int i = 0; i < BULK; i++) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", "d-" + next),
                        Filters.eq("state", states[next])), transition(next)));
                advance();
            }
            int matched = deliveries.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
            if (matched != BULK) {
                throw new IllegalStateException(matched + " of " + BULK + " matched");
            }
        });
        measure(name, "find by _id", OPERATIONS, 1, () -> {
            if (deliveries.find(Filters.eq("_id", "d-" + next)).first() == null) {
                throw new IllegalStateException("d-" + next + " not found");
            }
            next = (next + 7) % DOCUMENTS;
        });
        measure(name, "due page: 500 QUEUED by dueAt", DUE_PAGES, 1, () -> {
            int page = deliveries.find(Filters.and(Filters.eq("state", "QUEUED"), Filters.lte("dueAt", new Date())))
                    .sort(Sorts.ascending("dueAt")).limit(500).into(new ArrayList<>()).size();
            if (page != 500) {
                throw new IllegalStateException(page + " due deliveries instead of 500");
            }
        });
    }

    /** The next state, a counter and a time: the indexed {@code state} moves, so the non-unique index must follow. */
    private Bson transition(int i) {
        String state = STATES[(indexOf(states[i]) + 1) % STATES.length];
        states[i] = state;
        return Updates.combine(Updates.set("state", state), Updates.set("lease", i % 97),
                Updates.set("updatedAt", new Date()));
    }

    private void advance() {
        next = (next + 7) % DOCUMENTS;
    }

    private static int indexOf(String state) {
        for (int i = 0; i < STATES.length; i++) {
            if (STATES[i].equals(state)) {
                return i;
            }
        }
        throw new IllegalArgumentException(state);
    }

    private void measure(String round, String what, int calls, int perCall, Runnable call) {
        if (!PHASES.contains(what.substring(0, what.indexOf(' ')))) {
            return;
        }
        double[] loadBefore = loadAverage();
        Map<Long, Long> storeBefore = storeThreadCpu();
        Map<Long, Long> allocatedBefore = storeThreadAllocation();
        long processBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long wall = System.nanoTime() - start;
        long process = os.getProcessCpuTime() - processBefore;
        long store = 0;
        for (Map.Entry<Long, Long> thread : storeThreadCpu().entrySet()) {
            store += thread.getValue() - storeBefore.getOrDefault(thread.getKey(), 0L);
        }
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : storeThreadAllocation().entrySet()) {
            allocated += thread.getValue() - allocatedBefore.getOrDefault(thread.getKey(), 0L);
        }
        double[] loadAfter = loadAverage();
        long operations = (long) calls * perCall;
        if (round.startsWith("round")) {
            measured.computeIfAbsent(what, k -> new ArrayList<>()).add(new double[]{operations / (wall / 1e9),
                    store / 1e3 / operations, process / 1e3 / operations, allocated / 1024.0 / operations});
        }
        System.out.printf(Locale.ROOT, "%-9s %-32s %,9.0f ops/s  store %7.1f CPU-µs/op %6.1f KiB/op  "
                        + "process %7.1f CPU-µs/op  load %.2f → %.2f%n",
                round, what, operations / (wall / 1e9), store / 1e3 / operations, allocated / 1024.0 / operations,
                process / 1e3 / operations, loadBefore[0], loadAfter[0]);
    }

    /** The median of the measured rounds, per figure (rounds vary with the other work on the machine). */
    private void summary() {
        for (Map.Entry<String, List<double[]>> phase : measured.entrySet()) {
            List<double[]> rounds = phase.getValue();
            System.out.printf(Locale.ROOT, "median    %-32s %,9.0f ops/s  store %7.1f CPU-µs/op %6.1f KiB/op  "
                            + "process %7.1f CPU-µs/op  (%d rounds)%n",
                    phase.getKey(), median(rounds, 0), median(rounds, 1), median(rounds, 3), median(rounds, 2),
                    rounds.size());
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.2f / %.2f / %.2f%n", loadAverage()[0],
                loadAverage()[1], loadAverage()[2]);
    }

    private static double median(List<double[]> rounds, int figure) {
        double[] values = rounds.stream().mapToDouble(round -> round[figure]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private Map<Long, Long> storeThreadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("mongo-server-worker")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    /** Bytes allocated by the store's threads: unlike CPU time, independent of what else the machine runs. */
    private Map<Long, Long> storeThreadAllocation() {
        Map<Long, Long> allocated = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("mongo-server-worker")) {
                allocated.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return allocated;
    }

    private static double[] loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return new double[]{Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])};
        } catch (java.io.IOException | RuntimeException e) {
            return new double[]{ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 0, 0};
        }
    }
}
