package id.kotacerdas.gateway.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncConsoleLoggingTest {

    private final LoggerContext context = new LoggerContext();
    private SlowConsole console = new SlowConsole(1);

    @Test
    void linesAreWrittenByTheLoggingThreadNotTheCaller() {
        startConsole();
        AsyncConsoleLogging.moveConsoleOffTheCallingThread(context, 64);
        assertThat(root().getAppender(AsyncConsoleLogging.ASYNC_CONSOLE)).isInstanceOf(AsyncAppender.class);
        assertThat(root().getAppender(AsyncConsoleLogging.CONSOLE)).isNull();

        context.getLogger("id.kotacerdas.gateway.access").info("POST /api/v1/reports 201");
        context.stop();

        assertThat(console.lines).containsExactly("POST /api/v1/reports 201");
        assertThat(console.writers).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aFullQueueHoldsTheCallerBackRatherThanDroppingLines() {
        startConsole();
        AsyncConsoleLogging.moveConsoleOffTheCallingThread(context, 20);
        Logger access = context.getLogger("id.kotacerdas.gateway.access");

        IntStream.range(0, 200).forEach(i -> access.info("line {}", i));
        context.stop();

        assertThat(console.lines).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void linesStillQueuedAtStopAreWrittenEvenWhenThatTakesLongerThanLogbacksDefaultSecond() {
        console = new SlowConsole(5);
        startConsole();
        AsyncConsoleLogging.moveConsoleOffTheCallingThread(context, 400);
        Logger access = context.getLogger("id.kotacerdas.gateway.access");

        IntStream.range(0, 400).forEach(i -> access.info("line {}", i));
        context.stop();

        assertThat(console.lines).hasSize(400);
    }

    @Test
    void withoutABootConsoleNothingIsChanged() {
        AsyncConsoleLogging.moveConsoleOffTheCallingThread(context, 64);

        assertThat(root().iteratorForAppenders().hasNext()).isFalse();
    }

    private void startConsole() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        console.setContext(context);
        console.setName(AsyncConsoleLogging.CONSOLE);
        console.start();
        root().addAppender(console);
    }

    private Logger root() {
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** Stands in for standard output under load: each write takes a while. */
    private static final class SlowConsole extends AppenderBase<ILoggingEvent> {

        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> writers = new CopyOnWriteArrayList<>();
        private final long millisPerLine;

        SlowConsole(long millisPerLine) {
            this.millisPerLine = millisPerLine;
        }

        @Override
        protected void append(ILoggingEvent event) {
            long until = System.nanoTime() + millisPerLine * 1_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            writers.add(Thread.currentThread().getName());
            lines.add(event.getFormattedMessage());
        }
    }
}
