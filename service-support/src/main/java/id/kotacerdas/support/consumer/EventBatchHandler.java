package id.kotacerdas.support.consumer;

import id.kotacerdas.support.events.IncomingEvent;

import java.util.List;

/**
 * What a batch listener does with a poll's new events ({@link EventBatches#applyEach},
 * {@link ProcessedEvents#onceEach}): may read what they touch together first ({@link #prepare}), applies them in
 * order, and may hold its writes back to make them together in {@link #flush()}. A lambda is a handler that writes as
 * it goes.
 */
@FunctionalInterface
public interface EventBatchHandler {

    /**
     * Called once per poll, before the first {@link #apply}, with the events about to be applied (the new ones, in
     * order): a handler can read what they touch in one go. A failure here is reported by the poll's first record.
     */
    default void prepare(List<IncomingEvent> events) {
    }

    /** Applies one event; a failure here is the failure of this event's record. */
    void apply(IncomingEvent event);

    /**
     * Writes what {@link #apply} held back. Runs before the events are recorded as processed: at the end of the batch,
     * and before a failing event is reported, so the events before it are written and recorded.
     */
    default void flush() {
    }
}
