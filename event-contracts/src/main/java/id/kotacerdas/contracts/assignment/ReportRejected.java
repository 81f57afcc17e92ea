package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The agency rejected the assignment: not its responsibility (the report is re-routed) or invalid. */
public record ReportRejected(String assignmentId, String reportId, String agencyId, RejectionReason reason,
                             String note, Instant rejectedAt) implements CityEvent {

    public enum RejectionReason {
        NOT_OUR_RESPONSIBILITY, INVALID
    }

    @Override
    public String subject() {
        return reportId;
    }
}
