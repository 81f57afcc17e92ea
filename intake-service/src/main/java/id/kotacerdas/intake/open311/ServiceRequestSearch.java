package id.kotacerdas.intake.open311;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportStatus;

/**
 * The report reads GET requests needs: several tracking numbers at once, several service codes, open or
 * closed, up to 1,000 rows. Confidential reports are never returned.
 */
@Component
class ServiceRequestSearch {

    private final MongoTemplate mongo;

    ServiceRequestSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Criteria of a GET requests call; every one but the window optional. */
    record Criteria311(String jurisdictionId, List<String> serviceCodes, Boolean open, Instant from, Instant to,
                       int page, int pageSize) {
    }

    List<Report> byTrackingNumbers(List<String> trackingNumbers) {
        Query query = Query.query(Criteria.where("trackingNumber").in(trackingNumbers).and("confidential").is(false));
        List<Report> found = mongo.find(query, Report.class);
        // in the order the client asked for them
        return trackingNumbers.stream()
                .flatMap(number -> found.stream().filter(r -> r.trackingNumber().equals(number)).limit(1))
                .toList();
    }

    List<Report> matching(Criteria311 c) {
        Criteria criteria = Criteria.where("confidential").is(false);
        if (c.jurisdictionId() != null) {
            criteria.and("jurisdictionId").is(c.jurisdictionId());
        }
        if (!c.serviceCodes().isEmpty()) {
            criteria.and("serviceCode").in(c.serviceCodes());
        }
        if (c.open() != null) {
            criteria.and("status").in(Arrays.stream(ReportStatus.values())
                    .filter(s -> s.isOpen() == c.open()).map(Enum::name).toList());
        }
        Criteria submitted = criteria.and("submittedAt").gte(c.from());
        if (c.to() != null) {
            submitted.lte(c.to());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                .skip((long) (c.page() - 1) * c.pageSize()).limit(c.pageSize());
        return mongo.find(query, Report.class);
    }
}
