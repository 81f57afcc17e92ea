package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The report reached its end: the reporter confirmed the resolution, or nobody disputed it in time. */
public record ReportClosed(String reportId, ClosureReason reason, Instant closedAt) implements CityEvent {

    public enum ClosureReason {
        CONFIRMED_BY_REPORTER, NOT_DISPUTED_IN_TIME
    }

    @Override
    public String subject() {
        return reportId;
    }
}
