package id.kotacerdas.support.outbox;

import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

import java.util.List;

/**
 * Lets the save of an aggregate with pending events claim it for the relay (the lease goes into the same write) and
 * wakes the relay as soon as it is saved, instead of waiting for a sweep. Runs after {@link StaleOutboxFilter}, so
 * that only events still to be published take a lease.
 */
public class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> implements Ordered {

    private final OutboxRelay relay;

    public OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<OutboxAggregate> event) {
        Document document = event.getDocument();
        List<?> outbox = document == null ? null : document.getList(OutboxRelay.OUTBOX, Object.class);
        if (outbox != null && !outbox.isEmpty()) {
            document.putAll(relay.newLease());
        }
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            Document document = event.getDocument();
            if (document.containsKey(OutboxRelay.LEASE_OWNER)) {
                relay.enqueueLeased(event.getCollectionName(), document.get("_id"));
            } else {
                relay.enqueue(event.getCollectionName(), document.get("_id"));
            }
        }
    }

    @Override
    public int getOrder() {
        return StaleOutboxFilter.ORDER + 1;
    }
}
