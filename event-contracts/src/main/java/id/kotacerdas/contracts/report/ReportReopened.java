package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The reporter disputed the resolution; the report goes back to the agency that resolved it. */
public record ReportReopened(String reportId, String reason, Instant reopenedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
