package id.kotacerdas.support.consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
        String key = key(consumer, event.id());
        if (collection().find(Filters.eq("_id", key)).first() != null) {
            duplicates.increment();
            log.debug("Skipping event {} already processed by {}", event.id(), consumer);
            return;
        }
        EventTrace.apply(event, handler);
        try {
            collection().insertOne(entry(key, event));
        } catch (com.mongodb.MongoWriteException | DuplicateKeyException e) {
            log.debug("Event {} was recorded concurrently by {}", event.id(), consumer);
        }
    }

    /**
     * A batch listener's records: {@code handler} applies, in order, each event {@code consumer} has not processed
     * before, in an earlier poll or earlier in this one ({@link EventBatches}, which also says how failures are
     * reported). Two store round trips for the whole batch (one read of the ids already processed, one write of those
     * applied) instead of two per record: under load a consumer that falls behind gets bigger batches, so it catches
     * up instead of waiting on the store once per record.
     */
    public void onceEach(String consumer, List<ConsumerRecord<String, byte[]>> records, EventReader reader,
                         EventBatchHandler handler) {
        onceEach(consumer, records, reader, handler, event -> false);
    }

    /**
     * As {@link #onceEach(String, List, EventReader, EventBatchHandler)}, but the events {@code rememberedByTheHandler}
     * picks are neither looked up in the log nor recorded there: the handler's own writes make their repetition
     * change nothing (an insert by a natural key), so the log would only cost a document and its share of two round
     * trips each. A poll's repetition of one of them is still applied once.
     */
    public void onceEach(String consumer, List<ConsumerRecord<String, byte[]>> records, EventReader reader,
                         EventBatchHandler handler, Predicate<IncomingEvent> rememberedByTheHandler) {
        EventBatches.applyEach(records, reader, handler, new LogOf(consumer, rememberedByTheHandler.negate()));
    }

    /** One consumer's part of the log. */
    private final class LogOf implements EventBatches.AppliedEvents {

        private final String consumer;
        private final Predicate<IncomingEvent> logged;

        LogOf(String consumer, Predicate<IncomingEvent> logged) {
            this.consumer = consumer;
            this.logged = logged;
        }

        @Override
        public Set<String> appliedAmong(List<IncomingEvent> events) {
            Set<String> processed = new HashSet<>();
            List<String> keys = events.stream().filter(logged).map(event -> key(consumer, event.id())).toList();
            if (keys.isEmpty()) {
                return processed;
            }
            String prefix = consumer + "/";
            collection().find(Filters.in("_id", keys)).projection(Projections.include("_id"))
                    .forEach(entry -> processed.add(entry.getString("_id").substring(prefix.length())));
            return processed;
        }

        @Override
        public void skipped(IncomingEvent event) {
            duplicates.increment();
        }

        @Override
        public void record(List<IncomingEvent> applied) {
            List<Document> entries = applied.stream().filter(logged)
                    .map(event -> entry(key(consumer, event.id()), event)).toList();
            if (entries.isEmpty()) {
                return;
            }
            try {
                collection().insertMany(entries, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (!onlyDuplicates(e)) {
                    throw e;
                }
                log.debug("Some of {} events were recorded concurrently", applied.size());
            }
        }
    }

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return e.getWriteConcernError() == null && e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }

    private static Document entry(String key, IncomingEvent event) {
        return new Document("_id", key).append("type", event.envelope().type()).append("processedAt", new Date());
    }

    public boolean wasProcessed(String consumer, String eventId) {
        return collection().find(Filters.eq("_id", key(consumer, eventId))).first() != null;
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
