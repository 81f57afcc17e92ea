package id.kotacerdas.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's own operation counters ({@code serverStatus}: {@code opcounters} and the commands received), read
 * before and after a phase: how much store work each unit of work caused, on the embedded store as on a real MongoDB.
 * Unlike CPU time these are counts, so a change that saves store operations shows without the machine's noise.
 */
final class StoreOperations implements AutoCloseable {

    static final String COMMANDS = "commands (round trips)";

    private final MongoClient client;

    StoreOperations(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
    }

    /** Counters by name; empty when the store does not report them. */
    Map<String, Long> snapshot() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try {
            Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            Document metrics = status.get("metrics", Document.class);
            Document commands = metrics == null ? null : metrics.get("commands", Document.class);
            if (commands != null) {
                long received = 0;
                for (Object command : commands.values()) {
                    if (command instanceof Document counted && counted.get("total") instanceof Number total) {
                        received += total.longValue();
                    }
                }
                counters.put(COMMANDS, received);
            }
            Document opcounters = status.get("opcounters", Document.class);
            if (opcounters != null) {
                opcounters.forEach((name, count) -> counters.put(name, ((Number) count).longValue()));
            }
        } catch (RuntimeException e) {
            // a store that refuses serverStatus (no privilege) has no figures to give
        }
        return counters;
    }

    /** "commands (round trips) 12.5, insert 4.1, ..." per unit between two snapshots; empty without counters. */
    static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        StringBuilder line = new StringBuilder();
        after.forEach((name, count) -> {
            if (before.containsKey(name)) {
                line.append(line.isEmpty() ? "" : ", ")
                        .append(String.format("%s %.2f", name, (double) (count - before.get(name)) / units));
            }
        });
        return line.toString();
    }

    /** Prints the store's operations per unit, when the store reports them. */
    static void print(String unit, long units, Map<String, Long> before, Map<String, Long> after) {
        String line = units == 0 ? "" : perUnit(before, after, units);
        if (!line.isEmpty()) {
            System.out.printf("  store operations per %s (its serverStatus counters, every client's): %s%n", unit, line);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
