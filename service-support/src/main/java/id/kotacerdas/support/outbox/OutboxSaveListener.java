package id.kotacerdas.support.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as an aggregate with pending events is saved, instead of waiting for a sweep. */
public class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;

    public OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.enqueue(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}
