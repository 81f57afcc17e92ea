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

    @Override
    public synchronized String toString() {
        return byReason.isEmpty() ? "none" : byReason.toString();
    }
}
