package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.Topics;

import java.util.List;

/** Events on {@link Topics#ASSIGNMENTS}, keyed by report id so a report's story stays in order. */
public final class AssignmentEvents {

    public static final EventDescriptor<ReportRouted> ROUTED =
            EventDescriptor.of("city.assignment.routed.v1", Topics.ASSIGNMENTS, ReportRouted.class);
    public static final EventDescriptor<AssignmentAcknowledged> ACKNOWLEDGED =
            EventDescriptor.of("city.assignment.acknowledged.v1", Topics.ASSIGNMENTS, AssignmentAcknowledged.class);
    public static final EventDescriptor<AssignmentStarted> STARTED =
            EventDescriptor.of("city.assignment.started.v1", Topics.ASSIGNMENTS, AssignmentStarted.class);
    public static final EventDescriptor<ReportResolved> RESOLVED =
            EventDescriptor.of("city.assignment.resolved.v1", Topics.ASSIGNMENTS, ReportResolved.class);
    public static final EventDescriptor<ReportRejected> REJECTED =
            EventDescriptor.of("city.assignment.rejected.v1", Topics.ASSIGNMENTS, ReportRejected.class);
    public static final EventDescriptor<AssignmentTransferred> TRANSFERRED =
            EventDescriptor.of("city.assignment.transferred.v1", Topics.ASSIGNMENTS, AssignmentTransferred.class);
    public static final EventDescriptor<AssignmentEscalated> ESCALATED =
            EventDescriptor.of("city.assignment.escalated.v1", Topics.ASSIGNMENTS, AssignmentEscalated.class);

    public static final EventDescriptor<AssignmentNoteAdded> NOTE_ADDED =
            EventDescriptor.of("city.assignment.note-added.v1", Topics.ASSIGNMENTS, AssignmentNoteAdded.class);

    public static final List<EventDescriptor<?>> ALL =
            List.of(ROUTED, ACKNOWLEDGED, STARTED, RESOLVED, REJECTED, TRANSFERRED, ESCALATED, NOTE_ADDED);

    private AssignmentEvents() {
    }
}
