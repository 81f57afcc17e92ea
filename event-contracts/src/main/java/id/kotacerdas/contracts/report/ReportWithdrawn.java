package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The reporter withdrew the report; any open assignment ends. */
public record ReportWithdrawn(String reportId, String reason, Instant withdrawnAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
