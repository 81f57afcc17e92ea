package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The agency resolved the report; the public resolution note is shown to the citizen. */
public record ReportResolved(String assignmentId, String reportId, String agencyId, String resolutionNote,
                             Instant resolvedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
