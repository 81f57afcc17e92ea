package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The agency started working on the report. */
public record AssignmentStarted(String assignmentId, String reportId, String agencyId, Instant startedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
