package id.kotacerdas.routing.assignment;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An agency's work queue, filtered and paged; oldest deadline first. */
@Component
public class AssignmentQueue {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AssignmentQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record Filter(String agencyId, AssignmentStatus status, Boolean overdue, String category, String districtCode) {
    }

    public record Page(List<AssignmentView> items, int page, int size, long total) {
    }

    public Page find(Filter filter, int page, int size) {
        Instant now = clock.instant();
        List<Criteria> conditions = new ArrayList<>();
        conditions.add(Criteria.where("agencyId").is(filter.agencyId()));
        if (filter.status() != null) {
            conditions.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.category() != null) {
            conditions.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.districtCode() != null) {
            conditions.add(Criteria.where("districtCode").is(filter.districtCode()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            conditions.add(overdue(now));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            conditions.add(new Criteria().norOperator(overdue(now)));
        }
        Query query = Query.query(new Criteria().andOperator(conditions.toArray(Criteria[]::new)));
        long total = mongo.count(query, Assignment.class);
        query.with(Sort.by(Sort.Order.asc("resolveBy"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        List<AssignmentView> items = mongo.find(query, Assignment.class).stream().map(a -> AssignmentView.of(a, now)).toList();
        return new Page(items, page, size, total);
    }

    /** Open and past a deadline: not acknowledged in time, or not resolved in time. */
    static Criteria overdue(Instant now) {
        return new Criteria().andOperator(
                Criteria.where("status").in(AssignmentStatus.OPEN),
                new Criteria().orOperator(
                        Criteria.where("resolveBy").lt(now),
                        new Criteria().andOperator(Criteria.where("status").in(AssignmentStatus.AWAITING_ACKNOWLEDGEMENT),
                                Criteria.where("acknowledgeBy").lt(now))));
    }
}
