package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** Staff marked the report as a duplicate of another (open) report. */
public record ReportMarkedDuplicate(String reportId, String duplicateOfReportId, Instant markedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
