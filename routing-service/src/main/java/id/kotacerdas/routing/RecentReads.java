package id.kotacerdas.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reference data that every report is routed against (rules in force, agencies), kept in memory for a moment: a
 * read is reused until it is older than the TTL, or until this instance changed that kind of data after the read
 * began. A change made here applies to the next report at once, one made on another instance within the TTL.
 * Values must not be changed by their users; a zero TTL reads every time.
 */
public final class RecentReads<K, V> {

    private final long ttlNanos;
    private final Map<K, Read<V>> reads = new ConcurrentHashMap<>();
    private final AtomicLong changesHere = new AtomicLong();

    public RecentReads(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    private record Read<V>(V value, long readAtNanos, long changesBefore) {
    }

    public V get(K key, Function<K, V> read) {
        long now = System.nanoTime();
        long changes = changesHere.get();
        Read<V> recent = reads.get(key);
        if (recent == null || recent.changesBefore() != changes || now - recent.readAtNanos() >= ttlNanos) {
            recent = new Read<>(read.apply(key), now, changes);
            reads.put(key, recent);
        }
        return recent.value();
    }

    /** This instance changed the data: reads begun before are not reused. */
    public void changed() {
        changesHere.incrementAndGet();
    }
}
