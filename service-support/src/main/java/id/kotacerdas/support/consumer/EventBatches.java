package id.kotacerdas.support.consumer;

import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a batch listener's records through an {@link EventBatchHandler}: reads them, prepares the handler with the new
 * events, applies each in order (an event the poll holds twice once) and flushes.
 * <p>
 * A record that cannot be read, or whose event fails, is reported by its index once the events applied before it are
 * flushed and recorded ({@link BatchListenerFailedException}): the error handler commits the records before it,
 * retries or dead-letters that one, and the rest of the batch comes again. A failed preparation or flush, or a failed
 * read or write of which events were applied, is reported by the batch's first record: the batch comes again, and the
 * handler's writes, idempotent on their own, absorb the repetition.
 */
public final class EventBatches {

    /** Which events a consumer applied in earlier polls, and remembering those it applies now. */
    interface AppliedEvents {

        /** Nothing is remembered outside the handler: its own writes tell which events it applied. */
        AppliedEvents BY_THE_HANDLER = new AppliedEvents() {
            @Override
            public Set<String> appliedAmong(List<IncomingEvent> events) {
                return new HashSet<>();
            }

            @Override
            public void skipped(IncomingEvent event) {
            }

            @Override
            public void record(List<IncomingEvent> applied) {
            }
        };

        /** The ids of those of {@code events} applied before. */
        Set<String> appliedAmong(List<IncomingEvent> events);

        /** An event not applied again. */
        void skipped(IncomingEvent event);

        /** Remembers the events just applied and flushed. */
        void record(List<IncomingEvent> applied);
    }

    private EventBatches() {
    }

    /**
     * For a handler whose writes remember which events they applied (an aggregate keeping the ids of the events it
     * took, checked and written in one versioned write): a redelivered poll is read and skipped by the handler itself,
     * so no log of processed events is read or written per poll.
     */
    public static void applyEach(List<ConsumerRecord<String, byte[]>> records, EventReader reader,
                                 EventBatchHandler handler) {
        applyEach(records, reader, handler, AppliedEvents.BY_THE_HANDLER);
    }

    static void applyEach(List<ConsumerRecord<String, byte[]>> records, EventReader reader, EventBatchHandler handler,
                          AppliedEvents appliedEvents) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<Integer> recordIndexes = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (int index = 0; index < records.size() && unreadable == null; index++) {
            try {
                var event = reader.read(records.get(index));
                if (event.isPresent()) {
                    events.add(event.get());
                    recordIndexes.add(index);
                }
            } catch (RuntimeException e) {
                unreadable = new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        Set<String> seen;
        try {
            seen = appliedEvents.appliedAmong(events);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("reading which events were processed failed: " + e.getMessage(), e, 0);
        }
        List<Integer> fresh = new ArrayList<>(events.size());
        for (int n = 0; n < events.size(); n++) {
            if (seen.add(events.get(n).id())) {
                fresh.add(n);
            } else {
                appliedEvents.skipped(events.get(n));
            }
        }
        try {
            handler.prepare(fresh.stream().map(events::get).toList());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("preparing the batch's events failed: " + e.getMessage(), e, 0);
        }
        List<IncomingEvent> applied = new ArrayList<>(fresh.size());
        for (int n : fresh) {
            IncomingEvent event = events.get(n);
            try {
                EventTrace.apply(event, handler::apply);
            } catch (RuntimeException failure) {
                flushAndRecord(handler, applied, appliedEvents);
                throw new BatchListenerFailedException(failure.getMessage(), failure, recordIndexes.get(n));
            }
            applied.add(event);
        }
        flushAndRecord(handler, applied, appliedEvents);
        if (unreadable != null) {
            throw unreadable;
        }
    }

    private static void flushAndRecord(EventBatchHandler handler, List<IncomingEvent> applied,
                                       AppliedEvents appliedEvents) {
        try {
            handler.flush();
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("writing the batch's events failed: " + e.getMessage(), e, 0);
        }
        if (applied.isEmpty()) {
            return;
        }
        try {
            appliedEvents.record(applied);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("recording processed events failed", e, 0);
        }
    }
}
