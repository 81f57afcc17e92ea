package id.kotacerdas.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Takes work off a queue in batches, the way a producer lingers: a moment's wait buys one write for many items. */
final class Batches {

    private static final long IDLE_POLL_MILLIS = 200;

    private Batches() {
    }

    /**
     * Waits up to 200 ms for a first item, then up to {@code linger} for more, returning early once {@code max} are
     * there; an empty list when nothing came.
     */
    static <T> List<T> take(BlockingQueue<T> queue, int max, Duration linger) throws InterruptedException {
        T first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<T> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < max) {
            queue.drainTo(batch, max - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= max || left <= 0) {
                break;
            }
            T next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
