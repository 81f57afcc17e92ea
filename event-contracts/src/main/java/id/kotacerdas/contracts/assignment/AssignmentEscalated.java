package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/**
 * A deadline was missed. Level 1 goes to the agency head, level 2 to the regional secretariat / operator.
 */
public record AssignmentEscalated(String assignmentId, String reportId, String agencyId, int level,
                                  String missedDeadline, Instant deadline, Instant escalatedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
