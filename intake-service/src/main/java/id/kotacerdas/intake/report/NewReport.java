package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;

/** Everything a new {@link Report} starts with, already validated and sealed. */
record NewReport(String id, String trackingNumber, String jurisdictionId, ReportType type, String serviceCode,
                 String description, Place place, List<String> geoCells, Map<String, String> attributes,
                 boolean anonymous, boolean confidential, ReportChannel channel, ReporterProfile reporter,
                 String reporterTokenHash, String sealedReporterToken, String requestFingerprint, int photoCount,
                 List<PossibleDuplicate> possibleDuplicates, Instant submittedAt) {
}
