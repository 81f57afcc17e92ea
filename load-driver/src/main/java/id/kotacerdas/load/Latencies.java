package id.kotacerdas.load;

import java.util.Arrays;

/** Collects latencies in microseconds and answers percentiles. Thread-safe. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void add(long micros) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = micros;
    }

    /** A new collection holding the samples of both. */
    Latencies and(Latencies other) {
        Latencies both = new Latencies();
        for (Latencies source : new Latencies[] {this, other}) {
            synchronized (source) {
                for (int i = 0; i < source.count; i++) {
                    both.add(source.values[i]);
                }
            }
        }
        return both;
    }

    synchronized int count() {
        return count;
    }

    synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return String.format("p50 %s  p95 %s  p99 %s  max %s  (n=%d)", ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                ms(sorted, 1.0), count);
    }

    synchronized double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count == 0 ? Double.NaN : sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1000.0;
    }

    private static String ms(long[] sorted, double p) {
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1));
        return String.format("%.1f ms", sorted[index] / 1000.0);
    }
}
