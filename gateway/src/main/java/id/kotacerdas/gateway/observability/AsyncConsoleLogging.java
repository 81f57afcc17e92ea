package id.kotacerdas.gateway.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Hands the console appender Boot configured to a queue and a thread of its own. The gateway's event loops each
 * serve many connections; writing a log line (the access log's, for one) on them made every connection of that
 * loop wait for standard output, 10-153 ms at a time in a recording under load. Nothing is dropped: when the queue
 * is full the logging thread waits, as it did before, and the queue is drained (for up to {@link #DRAIN_AT_STOP_MS})
 * when the logging system stops.
 */
public class AsyncConsoleLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String CONSOLE = "CONSOLE";
    static final String ASYNC_CONSOLE = "ASYNC_CONSOLE";
    /** Logback's default is one second, too short for a full queue of 8192 lines on a busy machine. */
    static final int DRAIN_AT_STOP_MS = 10_000;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        int queueSize = event.getEnvironment().getProperty("kotacerdas.gateway.log-queue-size", Integer.class, 8192);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            moveConsoleOffTheCallingThread(context, queueSize);
        }
    }

    static void moveConsoleOffTheCallingThread(LoggerContext context, int queueSize) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
        if (console == null) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(ASYNC_CONSOLE);
        async.setQueueSize(queueSize);
        // the default throws away INFO lines once the queue is 80 % full; access lines are worth keeping
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(DRAIN_AT_STOP_MS);
        async.addAppender(console);
        async.start();
        root.addAppender(async);
        root.detachAppender(console);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
