package id.kotacerdas.support.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A copy of an aggregate loaded before the relay published its events still carries them; saving that copy
 * would put them back and publish them again. Before such a save, events the copy did not raise itself and
 * that are no longer pending in the store are dropped. (A relay finishing in the instant between this check
 * and the write can still cause a repeat, which consumers absorb.)
 */
public class StaleOutboxFilter extends AbstractMongoEventListener<OutboxAggregate> implements Ordered {

    static final int ORDER = 0;

    private final ObjectProvider<MongoTemplate> mongo;

    public StaleOutboxFilter(ObjectProvider<MongoTemplate> mongo) {
        this.mongo = mongo;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<OutboxAggregate> event) {
        Document document = event.getDocument();
        OutboxAggregate aggregate = event.getSource();
        List<Document> outbox = document == null ? null : document.getList(OutboxRelay.OUTBOX, Document.class);
        if (outbox == null || outbox.stream().allMatch(m -> aggregate.raisedSinceLoad(m.getString("eventId")))) {
            return;
        }
        Document stored = mongo.getObject().getCollection(event.getCollectionName())
                .find(Filters.eq("_id", document.get("_id"))).projection(Projections.include(OutboxRelay.OUTBOX)).first();
        Set<String> stillPending = new HashSet<>();
        if (stored != null && stored.getList(OutboxRelay.OUTBOX, Document.class) != null) {
            stored.getList(OutboxRelay.OUTBOX, Document.class).forEach(m -> stillPending.add(m.getString("eventId")));
        }
        outbox.removeIf(m -> !aggregate.raisedSinceLoad(m.getString("eventId"))
                && !stillPending.contains(m.getString("eventId")));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
