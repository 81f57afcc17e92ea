package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.kotacerdas.intake.jurisdiction.Jurisdiction;

/**
 * Readable tracking numbers per jurisdiction and year, e.g. {@code MMK-2026-000123}. Each instance reserves a
 * block of numbers with one atomic findAndModify and hands them out from memory, so several instances never hand
 * out the same number and a report costs no store round trip for its number. The price: a restart leaves the
 * rest of its block unused (a gap), and two instances' numbers interleave by block, not by submission time.
 * A block size of 1 reserves every number on its own.
 */
@Component
public class TrackingNumbers {

    static final String COLLECTION = "tracking_counters";

    private final MongoTemplate mongo;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public TrackingNumbers(MongoTemplate mongo,
                           @Value("${kotacerdas.intake.tracking-numbers.block-size:20}") int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("kotacerdas.intake.tracking-numbers.block-size must be at least 1");
        }
        this.mongo = mongo;
        this.blockSize = blockSize;
    }

    public String next(Jurisdiction jurisdiction, Instant now) {
        int year = now.atZone(jurisdiction.zone()).getYear();
        String counter = jurisdiction.trackingPrefix() + "-" + year;
        Block block = blocks.computeIfAbsent(counter, c -> new Block());
        long number;
        // callers of the same counter wait for one reservation rather than each making their own
        synchronized (block) {
            if (block.next > block.last) {
                block.last = reserve(counter);
                block.next = block.last - blockSize + 1;
            }
            number = block.next++;
        }
        return "%s-%06d".formatted(counter, number);
    }

    /** @return the last number of a newly reserved block */
    private long reserve(String counter) {
        Counter reserved = mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)),
                new Update().inc("seq", (long) blockSize), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class, COLLECTION);
        return reserved.seq();
    }

    private static final class Block {
        long next = 1;
        long last = 0;
    }

    record Counter(String id, long seq) {
    }
}
