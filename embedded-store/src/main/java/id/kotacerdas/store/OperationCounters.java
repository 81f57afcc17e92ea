package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operation counters a MongoDB server reports in {@code serverStatus} and the library does not keep:
 * {@code opcounters} (documents inserted, update and delete statements, queries, getMores and other commands, as
 * mongod counts them) and {@code metrics.commands.<name>.total} (commands received, that is round trips). With them a
 * load run can tell how much store work each report causes, on this store as on a real MongoDB.
 */
final class OperationCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    /**
     * Counts one command as it arrives (its document sequences already in the body, as the library reads them).
     *
     * @return the command's name; empty for an empty body
     */
    String count(Document body) {
        if (body.isEmpty()) {
            return "";
        }
        String name = body.keySet().iterator().next();
        commands.computeIfAbsent(name, any -> new LongAdder()).increment();
        switch (name) {
            case "insert" -> insert.add(sizeOf(body.get("documents")));
            case "update" -> update.add(sizeOf(body.get("updates")));
            case "delete" -> delete.add(sizeOf(body.get("deletes")));
            // mongod counts aggregations as queries since 6.2 (SERVER-66495)
            case "find", "aggregate" -> query.increment();
            case "getMore" -> getmore.increment();
            default -> command.increment();
        }
        return name;
    }

    /** {@code serverStatus}'s answer with the counters added. */
    Document addTo(Document serverStatus) {
        Document counters = new Document();
        counters.put("insert", insert.sum());
        counters.put("query", query.sum());
        counters.put("update", update.sum());
        counters.put("delete", delete.sum());
        counters.put("getmore", getmore.sum());
        counters.put("command", command.sum());
        serverStatus.put("opcounters", counters);
        Document byName = new Document();
        new TreeMap<>(commands).forEach((name, total) -> byName.put(name, new Document("total", total.sum())));
        Object metrics = serverStatus.get("metrics");
        if (metrics instanceof Document existing) {
            existing.put("commands", byName);
        } else {
            serverStatus.put("metrics", new Document("commands", byName));
        }
        return serverStatus;
    }

    private static long sizeOf(Object statements) {
        return statements instanceof List<?> list ? list.size() : 0;
    }
}
