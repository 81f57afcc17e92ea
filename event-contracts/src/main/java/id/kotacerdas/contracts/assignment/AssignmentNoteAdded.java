package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The agency added a public note to the report (a progress update the citizen sees). Internal notes are never published. */
public record AssignmentNoteAdded(String assignmentId, String reportId, String agencyId, String note,
                                  Instant addedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
