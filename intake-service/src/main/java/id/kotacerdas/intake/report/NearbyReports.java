package id.kotacerdas.intake.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import id.kotacerdas.intake.location.Distance;
import id.kotacerdas.intake.location.GeoHash;

/**
 * Open reports of the same category close to a point: the "possible duplicates" of a new report. The
 * store has no geo operators, so candidates come from the indexed geohash cells around the point and
 * the exact distance is checked here.
 */
@Component
public class NearbyReports {

    private static final List<String> OPEN = Stream.of(ReportStatus.SUBMITTED, ReportStatus.ROUTED,
            ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS, ReportStatus.REOPENED).map(Enum::name).toList();
    private static final Bson FIELDS = Projections.fields(Projections.excludeId(),
            Projections.include("trackingNumber", "status", "latitude", "longitude", "submittedAt"));
    private static final int MAX_SHOWN = 10;

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
        Bson nearbyOpenReports = Filters.and(Filters.eq("jurisdictionId", jurisdictionId),
                Filters.eq("serviceCode", serviceCode), Filters.in("geoCells", cells), Filters.in("status", OPEN),
                Filters.gte("submittedAt", Date.from(now.minus(window))));
        List<PossibleDuplicate> found = new ArrayList<>();
        // read as plain documents: mapping each candidate onto a whole Report cost intake more than the query itself
        for (Document candidate : mongo.getCollection(Report.COLLECTION).find(nearbyOpenReports).projection(FIELDS)) {
            double candidateLatitude = candidate.getDouble("latitude");
            double candidateLongitude = candidate.getDouble("longitude");
            int meters = (int) Math.round(Distance.meters(latitude, longitude, candidateLatitude, candidateLongitude));
            if (meters <= radiusMeters) {
                found.add(new PossibleDuplicate(candidate.getString("trackingNumber"),
                        ReportStatus.valueOf(candidate.getString("status")), meters,
                        candidate.getDate("submittedAt").toInstant()));
            }
        }
        found.sort(Comparator.comparingInt(PossibleDuplicate::distanceMeters));
        return found.size() > MAX_SHOWN ? List.copyOf(found.subList(0, MAX_SHOWN)) : found;
    }
}
