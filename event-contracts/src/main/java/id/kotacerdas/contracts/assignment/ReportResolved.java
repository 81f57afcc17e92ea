package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/**
 * The agency resolved the report; the public resolution note is shown to the citizen.
 *
 * @param disputableUntil until when the citizen may dispute the resolution before it is closed: the dispute window
 *                        counted in the jurisdiction's working days (weekends and holidays skipped); absent from
 *                        producers that predate it
 */
public record ReportResolved(String assignmentId, String reportId, String agencyId, String resolutionNote,
                             Instant resolvedAt, Instant disputableUntil) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
