package id.kotacerdas.intake.report;

import java.util.Set;

/** Where a report stands. Open311 shows the final four as {@code closed}, the rest as {@code open}. */
public enum ReportStatus {
    SUBMITTED, ROUTED, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED, DUPLICATE, WITHDRAWN, REOPENED;

    private static final Set<ReportStatus> FINISHED = Set.of(CLOSED, REJECTED, DUPLICATE, WITHDRAWN);

    /** Finished reports take no more citizen actions and no more agency steps (except re-routing a rejected one). */
    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    public boolean isOpen() {
        return !isFinished() && this != RESOLVED;
    }
}
