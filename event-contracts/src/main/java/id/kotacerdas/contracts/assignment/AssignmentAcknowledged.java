package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The agency confirmed it has the report. */
public record AssignmentAcknowledged(String assignmentId, String reportId, String agencyId, Instant acknowledgedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
