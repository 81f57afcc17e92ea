package id.kotacerdas.support.consumer;

import id.kotacerdas.support.events.IncomingEvent;

/**
 * What a batch listener does with a poll's new events ({@link ProcessedEvents#onceEach}): applies them in order,
 * and may hold its writes back to make them together in {@link #flush()}. A lambda is a handler that writes as it goes.
 */
@FunctionalInterface
public interface EventBatchHandler {

    /** Applies one event; a failure here is the failure of this event's record. */
    void apply(IncomingEvent event);

    /**
     * Writes what {@link #apply} held back. Runs before the events are recorded as processed: at the end of the batch,
     * and before a failing event is reported, so the events before it are written and recorded.
     */
    default void flush() {
    }
}
