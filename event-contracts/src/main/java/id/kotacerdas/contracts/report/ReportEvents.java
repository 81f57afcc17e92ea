package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.Topics;

import java.util.List;

/** Events on {@link Topics#REPORTS}, keyed by report id. */
public final class ReportEvents {

    public static final EventDescriptor<ReportSubmitted> SUBMITTED =
            EventDescriptor.of("city.report.submitted.v1", Topics.REPORTS, ReportSubmitted.class);
    public static final EventDescriptor<ReportUpdated> UPDATED =
            EventDescriptor.of("city.report.updated.v1", Topics.REPORTS, ReportUpdated.class);
    public static final EventDescriptor<ReportWithdrawn> WITHDRAWN =
            EventDescriptor.of("city.report.withdrawn.v1", Topics.REPORTS, ReportWithdrawn.class);
    public static final EventDescriptor<ReportMarkedDuplicate> MARKED_DUPLICATE =
            EventDescriptor.of("city.report.marked-duplicate.v1", Topics.REPORTS, ReportMarkedDuplicate.class);
    public static final EventDescriptor<ReportReopened> REOPENED =
            EventDescriptor.of("city.report.reopened.v1", Topics.REPORTS, ReportReopened.class);
    public static final EventDescriptor<ReportFeedbackGiven> FEEDBACK_GIVEN =
            EventDescriptor.of("city.report.feedback-given.v1", Topics.REPORTS, ReportFeedbackGiven.class);
    public static final EventDescriptor<ReportClosed> CLOSED =
            EventDescriptor.of("city.report.closed.v1", Topics.REPORTS, ReportClosed.class);

    public static final List<EventDescriptor<?>> ALL =
            List.of(SUBMITTED, UPDATED, WITHDRAWN, MARKED_DUPLICATE, REOPENED, FEEDBACK_GIVEN, CLOSED);

    private ReportEvents() {
    }
}
