package id.kotacerdas.intake.report;

import java.time.Instant;

/**
 * One step in a report's story as the citizen sees it.
 *
 * @param step   what happened, e.g. {@code SUBMITTED}, {@code ROUTED}, {@code INFORMATION_ADDED}, {@code ESCALATED}
 * @param status the report's status after the step
 * @param note   public text (agency name, resolution note, reason), may be null
 */
public record HistoryEntry(String step, ReportStatus status, String note, Instant at) {
}
