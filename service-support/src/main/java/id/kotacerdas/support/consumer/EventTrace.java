package id.kotacerdas.support.consumer;

import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.support.outbox.OutboxMessage;
import id.kotacerdas.support.web.RequestCorrelationFilter;
import java.util.function.Consumer;
import org.slf4j.MDC;

/** Runs an event's handler so that the log lines it writes carry the trace of the request that caused the event. */
public final class EventTrace {

    private EventTrace() {
    }

    public static void apply(IncomingEvent event, Consumer<IncomingEvent> handler) {
        String traceparent = event.envelope().traceparent();
        if (traceparent == null || traceparent.length() < 35) {
            handler.accept(event);
            return;
        }
        try {
            MDC.put(OutboxMessage.TRACEPARENT_MDC_KEY, traceparent);
            MDC.put(RequestCorrelationFilter.TRACE_ID_MDC_KEY, traceparent.substring(3, 35));
            MDC.put("eventId", event.id());
            handler.accept(event);
        } finally {
            MDC.remove(OutboxMessage.TRACEPARENT_MDC_KEY);
            MDC.remove(RequestCorrelationFilter.TRACE_ID_MDC_KEY);
            MDC.remove("eventId");
        }
    }
}
