package id.kotacerdas.intake.report;

import java.time.Instant;

/** An open report of the same category close by, which the new one may repeat. */
public record PossibleDuplicate(String trackingNumber, ReportStatus status, int distanceMeters, Instant submittedAt) {
}
