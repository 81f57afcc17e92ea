package id.kotacerdas.support.consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import id.kotacerdas.support.events.IncomingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * The idempotent consumer: remembers, per consumer, the ids of the events it has applied, in MongoDB so
 * that the memory survives restarts. A handler runs at most once per event id unless the process dies
 * between applying the event and recording it; handlers therefore also make their own writes
 * idempotent (natural keys, conditional updates), and this log spares them the repeated work.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoTemplate mongo;
    private final Duration retention;
    private final Counter duplicates;

    public ProcessedEvents(MongoTemplate mongo, Duration retention, MeterRegistry meters) {
        this.mongo = mongo;
        this.retention = retention;
        this.duplicates = Counter.builder("events.duplicates.skipped")
                .description("Redelivered events recognised and skipped").register(meters);
    }

    /** Runs {@code handler} unless {@code consumer} has already processed this event. */
    public void once(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        String key = consumer + "/" + event.id();
        if (collection().find(Filters.eq("_id", key)).first() != null) {
            duplicates.increment();
            log.debug("Skipping event {} already processed by {}", event.id(), consumer);
            return;
        }
        EventTrace.apply(event, handler);
        try {
            collection().insertOne(new Document("_id", key).append("type", event.envelope().type())
                    .append("processedAt", new Date()));
        } catch (com.mongodb.MongoWriteException | DuplicateKeyException e) {
            log.debug("Event {} was recorded concurrently by {}", event.id(), consumer);
        }
    }

    public boolean wasProcessed(String consumer, String eventId) {
        return collection().find(Filters.eq("_id", consumer + "/" + eventId)).first() != null;
    }

    /** The embedded store has no TTL indexes: forget old ids by a job. */
    @Scheduled(fixedDelayString = "${kotacerdas.processed-events.cleanup-interval:PT1H}")
    public void forgetOldEntries() {
        Date cutoff = Date.from(Instant.now().minus(retention));
        long removed = collection().deleteMany(Filters.lt("processedAt", cutoff)).getDeletedCount();
        if (removed > 0) {
            log.info("Forgot {} processed event ids older than {}", removed, retention);
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
