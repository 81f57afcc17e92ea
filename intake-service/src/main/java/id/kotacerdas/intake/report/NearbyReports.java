package id.kotacerdas.intake.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.kotacerdas.intake.location.Distance;
import id.kotacerdas.intake.location.GeoHash;

/**
 * Open reports of the same category close to a point: the "possible duplicates" of a new report. The
 * store has no geo operators, so candidates come from the indexed geohash cells around the point and
 * the exact distance is checked here.
 */
@Component
public class NearbyReports {

    private static final List<ReportStatus> OPEN = List.of(ReportStatus.SUBMITTED, ReportStatus.ROUTED,
            ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS, ReportStatus.REOPENED);

    private final MongoTemplate mongo;
    private final double radiusMeters;
    private final Duration window;

    public NearbyReports(MongoTemplate mongo,
                         @Value("${kotacerdas.intake.duplicates.radius-meters:50}") double radiusMeters,
                         @Value("${kotacerdas.intake.duplicates.window:P30D}") Duration window) {
        this.mongo = mongo;
        this.radiusMeters = radiusMeters;
        this.window = window;
    }

    public List<PossibleDuplicate> possibleDuplicates(String jurisdictionId, String serviceCode, double latitude,
                                                      double longitude, Instant now) {
        Set<String> cells = GeoHash.cellsAround(latitude, longitude, radiusMeters);
        Query query = Query.query(Criteria.where("jurisdictionId").is(jurisdictionId).and("serviceCode").is(serviceCode)
                .and("geoCells").in(cells).and("status").in(OPEN).and("submittedAt").gte(now.minus(window)));
        query.fields().include("trackingNumber", "status", "latitude", "longitude", "submittedAt");
        return mongo.find(query, Report.class).stream()
                .map(r -> new PossibleDuplicate(r.trackingNumber(), r.status(),
                        (int) Math.round(Distance.meters(latitude, longitude, r.latitude(), r.longitude())),
                        r.submittedAt()))
                .filter(d -> d.distanceMeters() <= radiusMeters)
                .sorted(Comparator.comparingInt(PossibleDuplicate::distanceMeters))
                .limit(10)
                .toList();
    }
}
