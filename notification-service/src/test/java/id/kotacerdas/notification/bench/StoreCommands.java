package id.kotacerdas.notification.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Counts the service's store round trips by command and collection, and the documents they carry (inserted,
 * updates), so that a phase can print both per message. Registered on the service's MongoDB client by the harness.
 */
final class StoreCommands implements CommandListener {

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> documents = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        BsonValue target = command.get(name);
        String key = name + " " + (target != null && target.isString() ? target.asString().getValue() : "");
        commands.computeIfAbsent(key, k -> new LongAdder()).increment();
        int carried = size(command, "documents") + size(command, "updates") + size(command, "deletes");
        documents.computeIfAbsent(key, k -> new LongAdder()).add(Math.max(carried, 1));
    }

    private static int size(BsonDocument command, String field) {
        BsonValue value = command.get(field);
        return value != null && value.isArray() ? value.asArray().size() : 0;
    }

    /** A snapshot: command and collection → {round trips, documents}. */
    Map<String, long[]> snapshot() {
        Map<String, long[]> copy = new TreeMap<>();
        commands.forEach((key, count) -> copy.put(key, new long[] {count.sum(), documents.get(key).sum()}));
        return copy;
    }

    /** Prints round trips and documents per message since {@code before}. */
    void print(Map<String, long[]> before, int messages) {
        long totalTrips = 0;
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, long[]> entry : snapshot().entrySet()) {
            long[] then = before.getOrDefault(entry.getKey(), new long[2]);
            long trips = entry.getValue()[0] - then[0];
            long docs = entry.getValue()[1] - then[1];
            if (trips > 0) {
                totalTrips += trips;
                lines.append(String.format("    %6.3f round trips/msg, %5.2f documents/msg  %s%n", (double) trips / messages,
                        (double) docs / messages, entry.getKey()));
            }
        }
        System.out.printf("  store: %.2f round trips per message%n%s", (double) totalTrips / messages, lines);
    }
}
