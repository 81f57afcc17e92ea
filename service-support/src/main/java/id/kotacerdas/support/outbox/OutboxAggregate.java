package id.kotacerdas.support.outbox;

import id.kotacerdas.contracts.CityEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Transient;

/**
 * Base of every aggregate document that raises events. Raised events live in the document's
 * {@code outbox} array until the {@link OutboxRelay} has them acknowledged by the broker, so saving the
 * document saves the state change and its events in one write.
 * <p>
 * The relay's lease fields are deliberately not mapped: saving the aggregate drops a lease, so a save can
 * never carry an old lease back and hold up the next events (at worst two relays then send an event twice). A save
 * with events writes a fresh lease of its own instance's relay instead ({@link OutboxSaveListener}).
 */
public abstract class OutboxAggregate {

    private List<OutboxMessage> outbox = new ArrayList<>();
    /**
     * Set with the first event and left for the relay's sweep to clear once the outbox is empty: the sweep reads
     * the flagged documents through an index instead of scanning the collection for a non-empty outbox. Null, so
     * not written, until then.
     */
    private Boolean outboxPending;
    /** Events raised since this copy was loaded; the others may have been published meanwhile. */
    @Transient
    private final Set<String> raisedSinceLoad = new HashSet<>();

    protected void raise(CityEvent event) {
        OutboxMessage message = OutboxMessage.of(event);
        outbox.add(message);
        outboxPending = Boolean.TRUE;
        raisedSinceLoad.add(message.eventId());
    }

    boolean raisedSinceLoad(String eventId) {
        return raisedSinceLoad.contains(eventId);
    }

    /** How many events the outbox held when this copy was loaded: a save conditional on it keeps them from repeating. */
    public int eventsPendingAtLoad() {
        return outbox.size() - raisedSinceLoad.size();
    }

    public List<OutboxMessage> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
