package id.kotacerdas.intake.duplicate;

import java.time.Instant;

import org.springframework.stereotype.Service;

import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportQueries;
import id.kotacerdas.intake.report.ReporterTokens;
import id.kotacerdas.intake.report.Reports;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.InvalidInputException;

/** Staff marking one report as a duplicate of another, and citizens supporting ("me too") an existing one. */
@Service
public class Duplicates {

    private final Reports reports;
    private final ReportQueries queries;

    public Duplicates(Reports reports, ReportQueries queries) {
        this.reports = reports;
        this.queries = queries;
    }

    public Report markDuplicate(String trackingNumber, String originalTrackingNumber) {
        if (originalTrackingNumber == null || originalTrackingNumber.isBlank()) {
            throw new InvalidInputException("duplicateOf", "is required");
        }
        Report duplicate = reports.require(trackingNumber);
        Report original = reports.byTrackingNumber(originalTrackingNumber)
                .orElseThrow(() -> new InvalidInputException("duplicateOf", "is not a known report"));
        if (original.id().equals(duplicate.id())) {
            throw new InvalidInputException("duplicateOf", "cannot be the report itself");
        }
        if (!original.jurisdictionId().equals(duplicate.jurisdictionId())) {
            throw new InvalidInputException("duplicateOf", "belongs to another jurisdiction");
        }
        if (original.status().isFinished()) {
            throw new ConflictException("The original report " + originalTrackingNumber + " is " + original.status());
        }
        return reports.change(duplicate.id(), r -> r.markDuplicateOf(original, Instant.now()));
    }

    /**
     * Counts one more supporter. {@code supporterRef} (the app's own id of its user) lets a repeated "me too"
     * from the same person count once; it is stored only as a hash.
     */
    public Report support(String trackingNumber, String clientId, String supporterRef) {
        Report report = queries.visible(trackingNumber, null);
        String key = supporterRef == null || supporterRef.isBlank() ? null
                : ReporterTokens.hash(clientId + ":" + supporterRef);
        return reports.change(report.id(), r -> r.support(key));
    }
}
