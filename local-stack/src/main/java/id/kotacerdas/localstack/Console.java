package id.kotacerdas.localstack;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines with the seconds elapsed since the launcher started. */
public final class Console {

    private final long startNanos = System.nanoTime();
    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public synchronized void step(String part, String message) {
        out.printf(Locale.ROOT, "[%5.1fs] %-22s %s%n", elapsedSeconds(), part, message);
        out.flush();
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }
}
