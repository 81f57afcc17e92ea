package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a submission. {@code reporterToken} is the secret for later citizen actions; it is
 * shown only here. {@code replayed} is true when an Idempotency-Key retry got the first answer again.
 */
public record SubmissionReceipt(String reportId, String trackingNumber, ReportStatus status, String reporterToken,
                                Instant submittedAt, List<PossibleDuplicate> possibleDuplicates, boolean replayed) {
}
