package id.kotacerdas.intake.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.location.Distance;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;

/**
 * Reads of reports that respect privacy: a confidential report is shown only to the holder of its reporter
 * token, and is never listed.
 */
@Service
public class ReportQueries {

    private final MongoTemplate mongo;
    private final Reports reports;
    private final Jurisdictions jurisdictions;
    private final int maxNearCandidates;

    public ReportQueries(MongoTemplate mongo, Reports reports, Jurisdictions jurisdictions,
                         @Value("${kotacerdas.intake.search.max-near-candidates:5000}") int maxNearCandidates) {
        this.mongo = mongo;
        this.reports = reports;
        this.jurisdictions = jurisdictions;
        this.maxNearCandidates = maxNearCandidates;
    }

    /** @throws NotFoundException also for a confidential report without its token, so its existence stays hidden */
    public Report visible(String trackingNumber, String reporterToken) {
        Report report = reports.require(trackingNumber);
        if (report.confidential() && !ReporterTokens.matches(report, reporterToken)) {
            throw new NotFoundException("No report " + trackingNumber);
        }
        return report;
    }

    public ResultPage<Report> search(ReportSearch search) {
        validate(search);
        Criteria criteria = Criteria.where("confidential").is(false);
        if (search.jurisdictionId() != null) {
            criteria.and("jurisdictionId").is(search.jurisdictionId());
        }
        if (search.status() != null) {
            criteria.and("status").is(search.status());
        }
        if (search.serviceCode() != null) {
            criteria.and("serviceCode").is(search.serviceCode());
        }
        if (search.from() != null || search.to() != null) {
            Criteria time = criteria.and("submittedAt");
            if (search.from() != null) {
                time.gte(search.from());
            }
            if (search.to() != null) {
                time.lt(search.to());
            }
        }
        Sort newestFirst = Sort.by(Sort.Direction.DESC, "submittedAt");
        if (search.nearLatitude() == null) {
            Query query = Query.query(criteria);
            long total = mongo.count(query, Report.class);
            query.with(newestFirst).skip((long) search.page() * search.size()).limit(search.size());
            return new ResultPage<>(mongo.find(query, Report.class), search.page(), search.size(), total);
        }
        return nearPage(criteria, search);
    }

    /** Candidates from a latitude/longitude box (plain range queries), exact distance checked here. */
    private ResultPage<Report> nearPage(Criteria criteria, ReportSearch search) {
        double lat = search.nearLatitude();
        double lon = search.nearLongitude();
        double radius = search.radiusMeters();
        double dLat = Distance.latitudeDegrees(radius);
        double dLon = Distance.longitudeDegrees(radius, lat);
        criteria.and("latitude").gte(lat - dLat).lte(lat + dLat).and("longitude").gte(lon - dLon).lte(lon + dLon);
        Query query = Query.query(criteria).limit(maxNearCandidates);
        List<Report> within = new ArrayList<>(mongo.find(query, Report.class).stream()
                .filter(r -> Distance.meters(lat, lon, r.latitude(), r.longitude()) <= radius)
                .sorted(Comparator.comparing(Report::submittedAt).reversed()).toList());
        int fromIndex = Math.min(within.size(), search.page() * search.size());
        int toIndex = Math.min(within.size(), fromIndex + search.size());
        return new ResultPage<>(within.subList(fromIndex, toIndex), search.page(), search.size(), within.size());
    }

    private void validate(ReportSearch search) {
        List<FieldProblem> problems = new ArrayList<>();
        if (search.jurisdictionId() != null && jurisdictions.find(search.jurisdictionId()).isEmpty()) {
            problems.add(new FieldProblem("jurisdiction", "is not a jurisdiction served here"));
        }
        if (search.page() < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (search.size() < 1 || search.size() > 100) {
            problems.add(new FieldProblem("size", "must be between 1 and 100"));
        }
        boolean anyNear = search.nearLatitude() != null || search.nearLongitude() != null || search.radiusMeters() != null;
        boolean allNear = search.nearLatitude() != null && search.nearLongitude() != null && search.radiusMeters() != null;
        if (anyNear && !allNear) {
            problems.add(new FieldProblem("near", "needs lat, lon and radius together"));
        }
        if (allNear && (search.radiusMeters() <= 0 || search.radiusMeters() > 50_000)) {
            problems.add(new FieldProblem("radius", "must be between 0 and 50000 meters"));
        }
        if (allNear && (Math.abs(search.nearLatitude()) > 90 || Math.abs(search.nearLongitude()) > 180)) {
            problems.add(new FieldProblem("lat", "is not a coordinate"));
        }
        if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
            problems.add(new FieldProblem("from", "must be before to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
