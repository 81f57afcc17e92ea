package id.kotacerdas.load;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

/** Counts failed requests by why they failed (the HTTP status, or the exception), so a run says what went wrong. */
final class Failures {

    private final Map<String, Integer> byReason = new TreeMap<>();

    synchronized void add(HttpResponse<?> answer) {
        byReason.merge("HTTP " + answer.statusCode(), 1, Integer::sum);
    }

    synchronized void add(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        byReason.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
    }

    /** A new count holding the failures of both. */
    Failures and(Failures other) {
        Failures both = new Failures();
        for (Failures source : new Failures[] {this, other}) {
            synchronized (source) {
                source.byReason.forEach((reason, count) -> both.byReason.merge(reason, count, Integer::sum));
            }
        }
        return both;
    }

    @Override
    public synchronized String toString() {
        return byReason.isEmpty() ? "none" : byReason.toString();
    }
}
