package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** A citizen's report was accepted. Carries no reporter identity: that stays in intake. */
public record ReportSubmitted(
        String reportId,
        String trackingNumber,
        String jurisdictionId,
        ReportType type,
        String serviceCode,
        String description,
        Place place,
        boolean anonymous,
        boolean confidential,
        ReportChannel channel,
        int photoCount,
        Instant submittedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
