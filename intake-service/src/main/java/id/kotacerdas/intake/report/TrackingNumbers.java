package id.kotacerdas.intake.report;

import java.time.Instant;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.kotacerdas.intake.jurisdiction.Jurisdiction;

/**
 * Readable tracking numbers per jurisdiction and year, e.g. {@code MMK-2026-000123}. One atomic
 * findAndModify per number, so several instances never hand out the same one.
 */
@Component
public class TrackingNumbers {

    static final String COLLECTION = "tracking_counters";

    private final MongoTemplate mongo;

    public TrackingNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(Jurisdiction jurisdiction, Instant now) {
        int year = now.atZone(jurisdiction.zone()).getYear();
        String counter = jurisdiction.trackingPrefix() + "-" + year;
        Counter next = mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class, COLLECTION);
        return "%s-%06d".formatted(counter, next.seq());
    }

    record Counter(String id, long seq) {
    }
}
