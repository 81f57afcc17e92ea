package id.kotacerdas.intake.report;

import java.time.Instant;

/** Public search criteria; every one optional. {@code near*} and {@code radiusMeters} go together. */
public record ReportSearch(String jurisdictionId, ReportStatus status, String serviceCode, Instant from, Instant to,
                           Double nearLatitude, Double nearLongitude, Double radiusMeters, int page, int size) {
}
