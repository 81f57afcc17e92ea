package id.kotacerdas.support.outbox;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Base of every aggregate document that raises events. Raised events live in the document's
 * {@code outbox} array until the {@link OutboxRelay} has them acknowledged by the broker, so saving the
 * document saves the state change and its events in one write.
 */
public abstract class OutboxAggregate {

    private List<OutboxMessage> outbox = new ArrayList<>();
    /** Set by the relay while it publishes this document's events; kept on save so a lease survives. */
    private Instant outboxLeaseUntil;
    private String outboxLeaseOwner;

    protected void raise(CityEvent event) {
        outbox.add(OutboxMessage.of(event));
    }

    public List<OutboxMessage> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
