package id.kotacerdas.support.outbox;

import id.kotacerdas.contracts.CityEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Base of every aggregate document that raises events. Raised events live in the document's
 * {@code outbox} array until the {@link OutboxRelay} has them acknowledged by the broker, so saving the
 * document saves the state change and its events in one write.
 * <p>
 * The relay's lease fields are deliberately not mapped: saving the aggregate drops a lease, so a save can
 * never carry an old lease back and hold up the next events (at worst two relays then send an event twice).
 */
public abstract class OutboxAggregate {

    private List<OutboxMessage> outbox = new ArrayList<>();

    protected void raise(CityEvent event) {
        outbox.add(OutboxMessage.of(event));
    }

    public List<OutboxMessage> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
