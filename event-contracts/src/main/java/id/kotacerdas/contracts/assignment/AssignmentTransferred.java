package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** Disposisi: the report moved from one agency to another, with a reason. */
public record AssignmentTransferred(String assignmentId, String reportId, String fromAgencyId, String toAgencyId,
                                    String toAgencyName, String reason, Instant transferredAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
