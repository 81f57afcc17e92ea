package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The reporter added information to the report. */
public record ReportUpdated(String reportId, String additionalInformation, Instant updatedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
