package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.report.ReportType;

import java.time.Instant;
import java.util.List;

/** An assignment as agency staff and operators see it (internal notes included). */
public record AssignmentView(String assignmentId, String reportId, String trackingNumber, String jurisdictionId,
                             String agencyId, String agencyName, String ruleId, int ruleVersion, Priority priority,
                             AssignmentStatus status, boolean overdue, String category, String serviceName,
                             ReportType reportType, String description, String districtCode, String villageCode,
                             Double latitude, Double longitude, String address, int photoCount, boolean confidential,
                             Instant routedAt, Instant acknowledgeBy, Instant resolveBy, Instant acknowledgedAt,
                             Instant startedAt, Instant resolvedAt, Instant endedAt, String resolutionNote,
                             String resolutionPhotoUrl, ReportRejected.RejectionReason rejectionReason,
                             String rejectionNote, int escalationLevel, List<Note> notes, List<Hop> previousAgencies) {

    public static AssignmentView of(Assignment a, Instant now) {
        return new AssignmentView(a.assignmentId(), a.reportId(), a.trackingNumber(), a.jurisdictionId(), a.agencyId(),
                a.agencyName(), a.ruleId(), a.ruleVersion(), a.priority(), a.status(), a.isOverdue(now), a.category(),
                a.serviceName(), a.reportType(), a.description(), a.districtCode(), a.villageCode(), a.latitude(),
                a.longitude(), a.address(), a.photoCount(), a.confidential(), a.routedAt(), a.acknowledgeBy(),
                a.resolveBy(), a.acknowledgedAt(), a.startedAt(), a.resolvedAt(), a.endedAt(), a.resolutionNote(),
                a.resolutionPhotoUrl(), a.rejectionReason(), a.rejectionNote(), a.escalationLevel(), a.notes(), a.hops());
    }
}
