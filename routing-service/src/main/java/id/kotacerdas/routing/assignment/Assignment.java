package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.AssignmentAcknowledged;
import id.kotacerdas.contracts.assignment.AssignmentEscalated;
import id.kotacerdas.contracts.assignment.AssignmentNoteAdded;
import id.kotacerdas.contracts.assignment.AssignmentStarted;
import id.kotacerdas.contracts.assignment.AssignmentTransferred;
import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.assignment.ReportResolved;
import id.kotacerdas.contracts.assignment.ReportRouted;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.routing.deadline.Deadlines;
import id.kotacerdas.routing.rule.ReportFacts;
import id.kotacerdas.routing.rule.RoutingDecision;
import id.kotacerdas.support.outbox.OutboxAggregate;
import id.kotacerdas.support.problem.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static id.kotacerdas.routing.assignment.AssignmentStatus.ACKNOWLEDGED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.CLOSED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.DUPLICATE;
import static id.kotacerdas.routing.assignment.AssignmentStatus.IN_PROGRESS;
import static id.kotacerdas.routing.assignment.AssignmentStatus.REJECTED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.REOPENED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.RESOLVED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.ROUTED;
import static id.kotacerdas.routing.assignment.AssignmentStatus.WITHDRAWN;

/**
 * A report's assignment to an agency, and the state machine of the agency's work on it. The document id is
 * the report id, so a report has exactly one assignment document whatever happens (redelivered
 * {@code ReportSubmitted}, two instances racing): the insert of a second one fails on the key. When the
 * report moves to another agency the document gets a new {@code assignmentId} and keeps the previous stop
 * in {@code hops}. Every change and the events it causes are saved in one write; {@code version} makes
 * concurrent changes (two staff, two instances, the escalation job) conflict instead of overwrite.
 */
@Document("assignments")
// the escalation job asks for open assignments whose next check is due: the store reads only those, not every open one
@CompoundIndex(name = "status_nextEscalationAt", def = "{'status': 1, 'nextEscalationAt': 1}")
public class Assignment extends OutboxAggregate {

    @Id
    private String reportId;
    @Indexed(unique = true)
    private String assignmentId;
    private String trackingNumber;
    private String jurisdictionId;
    private String category;
    private String categoryGroup;
    private String serviceName;
    private ReportType reportType;
    private String districtCode;
    private String villageCode;
    private String description;
    private Double latitude;
    private Double longitude;
    private String address;
    private int photoCount;
    private boolean confidential;
    @Indexed
    private String agencyId;
    private String agencyName;
    private String ruleId;
    private int ruleVersion;
    private Priority priority;
    private boolean urgent;
    private AssignmentStatus status;
    private Instant firstRoutedAt;
    private Instant routedAt;
    private Instant acknowledgeBy;
    private Instant resolveBy;
    private Instant acknowledgedAt;
    private Instant startedAt;
    private Instant resolvedAt;
    private Instant endedAt;
    private String resolutionNote;
    private String resolutionPhotoUrl;
    private ReportRejected.RejectionReason rejectionReason;
    private String rejectionNote;
    private int escalationLevel;
    private Instant nextEscalationAt;
    private List<Note> notes = new ArrayList<>();
    private List<String> declinedBy = new ArrayList<>();
    private List<Hop> hops = new ArrayList<>();
    @Version
    private Long version;

    Assignment() {
    }

    /** The first routing of a submitted report. */
    public static Assignment route(ReportSubmitted report, ReportFacts facts, String serviceName, String villageCode,
                                   RoutingDecision decision, Deadlines deadlines, Instant now) {
        Assignment assignment = new Assignment();
        assignment.reportId = report.reportId();
        assignment.trackingNumber = report.trackingNumber();
        assignment.jurisdictionId = facts.jurisdictionId();
        assignment.category = facts.category();
        assignment.categoryGroup = facts.categoryGroup();
        assignment.serviceName = serviceName;
        assignment.reportType = facts.type();
        assignment.districtCode = facts.districtCode();
        assignment.villageCode = villageCode;
        assignment.description = report.description();
        if (report.place() != null) {
            assignment.latitude = report.place().latitude();
            assignment.longitude = report.place().longitude();
            assignment.address = report.place().address();
        }
        assignment.photoCount = report.photoCount();
        assignment.confidential = report.confidential();
        assignment.firstRoutedAt = now;
        assignment.assignTo(decision, deadlines, now);
        return assignment;
    }

    public ReportFacts facts() {
        return new ReportFacts(jurisdictionId, category, categoryGroup, districtCode, reportType, description);
    }

    // --- the agency's actions ---

    public void acknowledge(Instant now) {
        require("acknowledge", Set.of(ROUTED, REOPENED));
        status = ACKNOWLEDGED;
        acknowledgedAt = now;
        raise(new AssignmentAcknowledged(assignmentId, reportId, agencyId, now));
    }

    public void start(Instant now) {
        require("start", Set.of(ACKNOWLEDGED));
        status = IN_PROGRESS;
        startedAt = now;
        raise(new AssignmentStarted(assignmentId, reportId, agencyId, now));
    }

    public Note addNote(Note.Visibility visibility, String text, String author, Instant now) {
        require("add a note to", AssignmentStatus.OPEN);
        Note note = new Note(UUID.randomUUID().toString(), visibility, text, author, agencyId, now);
        notes.add(note);
        if (visibility == Note.Visibility.PUBLIC) {
            raise(new AssignmentNoteAdded(assignmentId, reportId, agencyId, text, now));
        }
        return note;
    }

    public void resolve(String note, String photoUrl, Instant now, Instant disputableUntil) {
        require("resolve", Set.of(ACKNOWLEDGED, IN_PROGRESS));
        status = RESOLVED;
        resolvedAt = now;
        resolutionNote = note;
        resolutionPhotoUrl = photoUrl;
        nextEscalationAt = null;
        raise(new ReportResolved(assignmentId, reportId, agencyId, note, now, disputableUntil));
    }

    public void rejectAsInvalid(String reason, Instant now) {
        require("reject", Set.of(ROUTED, ACKNOWLEDGED, REOPENED));
        status = REJECTED;
        rejectionReason = ReportRejected.RejectionReason.INVALID;
        rejectionNote = reason;
        endedAt = now;
        nextEscalationAt = null;
        raise(new ReportRejected(assignmentId, reportId, agencyId, ReportRejected.RejectionReason.INVALID, reason, now));
    }

    /** "Not our responsibility": the report goes to the next matching rule's agency, or the desk. */
    public void declineAndReroute(String reason, RoutingDecision next, Deadlines deadlines, Instant now) {
        require("reject", Set.of(ROUTED, ACKNOWLEDGED, REOPENED));
        raise(new ReportRejected(assignmentId, reportId, agencyId, ReportRejected.RejectionReason.NOT_OUR_RESPONSIBILITY,
                reason, now));
        declinedBy.add(agencyId);
        closeHop("declined: " + reason, now);
        assignTo(next, deadlines, now);
    }

    /** Disposisi: the report moves to another agency chosen by a person. */
    public void transfer(RoutingDecision target, String reason, Deadlines deadlines, Instant now) {
        require("transfer", AssignmentStatus.OPEN);
        if (target.agency().id().equals(agencyId)) {
            throw new ConflictException("The assignment is already with " + agencyId);
        }
        raise(new AssignmentTransferred(assignmentId, reportId, agencyId, target.agency().id(), target.agency().name(),
                reason, now));
        closeHop("transferred: " + reason, now);
        assignTo(target, deadlines, now);
    }

    // --- what the report's own story does to the assignment (ignored when it no longer applies) ---

    public boolean withdraw(Instant now) {
        return end(WITHDRAWN, now, Set.of(ROUTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED, RESOLVED));
    }

    public boolean markDuplicate(Instant now) {
        return end(DUPLICATE, now, Set.of(ROUTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED, RESOLVED));
    }

    public boolean close(Instant now) {
        return end(CLOSED, now, Set.of(ROUTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED, RESOLVED));
    }

    /** The citizen disputed the resolution: the same agency gets the report back with fresh deadlines. */
    public boolean reopen(String reason, Deadlines deadlines, Instant now) {
        if (status != RESOLVED && status != CLOSED) {
            return false;
        }
        notes.add(new Note(UUID.randomUUID().toString(), Note.Visibility.INTERNAL,
                "Reopened by the reporter" + (reason == null || reason.isBlank() ? "" : ": " + reason), "reporter",
                agencyId, now));
        status = REOPENED;
        routedAt = now;
        acknowledgedAt = null;
        startedAt = null;
        resolvedAt = null;
        endedAt = null;
        setDeadlines(deadlines);
        raise(new ReportRouted(assignmentId, reportId, trackingNumber, jurisdictionId, agencyId, agencyName, ruleId,
                ruleVersion, priority, districtCode, acknowledgeBy, resolveBy, now));
        return true;
    }

    public boolean addCitizenInformation(String information, Instant now) {
        if (status.isOpen() && information != null && !information.isBlank()) {
            notes.add(new Note(UUID.randomUUID().toString(), Note.Visibility.INTERNAL,
                    "Additional information from the reporter: " + information, "reporter", agencyId, now));
            return true;
        }
        return false;
    }

    // --- deadlines ---

    /** The deadline missed right now, if any: acknowledgement first, then resolution. */
    public MissedDeadline missedDeadline(Instant now) {
        if (AssignmentStatus.AWAITING_ACKNOWLEDGEMENT.contains(status) && acknowledgeBy.isBefore(now)) {
            return new MissedDeadline("acknowledge", acknowledgeBy);
        }
        if (status.isOpen() && resolveBy.isBefore(now)) {
            return new MissedDeadline("resolve", resolveBy);
        }
        return null;
    }

    public boolean isOverdue(Instant now) {
        return missedDeadline(now) != null;
    }

    /**
     * Escalates one level up. {@code level} must be the next one, which with the version check makes each
     * level happen once even when several instances try at the same time.
     */
    public void escalate(int level, MissedDeadline missed, Instant nextCheck, Instant now) {
        if (level != escalationLevel + 1 || !status.isOpen()) {
            throw new ConflictException("Assignment " + assignmentId + " is not due for escalation level " + level);
        }
        escalationLevel = level;
        nextEscalationAt = nextCheck;
        raise(new AssignmentEscalated(assignmentId, reportId, agencyId, level, missed.name(), missed.deadline(), now));
    }

    /** The next deadline still ahead, when the escalation job should look again. */
    public Instant nextDeadlineAfter(Instant now) {
        if (!status.isOpen()) {
            return null;
        }
        if (AssignmentStatus.AWAITING_ACKNOWLEDGEMENT.contains(status) && acknowledgeBy.isAfter(now)) {
            return acknowledgeBy;
        }
        return resolveBy.isAfter(now) ? resolveBy : null;
    }

    /** Nothing is missed any more (e.g. acknowledged after a level-1 escalation): look again later. */
    public void postponeEscalationCheck(Instant nextCheck) {
        nextEscalationAt = nextCheck;
    }

    public void requestNotifications(List<NotificationRequested> requests) {
        requests.forEach(this::raise);
    }

    private void assignTo(RoutingDecision decision, Deadlines deadlines, Instant now) {
        assignmentId = UUID.randomUUID().toString();
        agencyId = decision.agency().id();
        agencyName = decision.agency().name();
        ruleId = decision.ruleId();
        ruleVersion = decision.ruleVersion();
        priority = deadlines.urgent() ? Priority.URGENT : decision.priority();
        status = ROUTED;
        routedAt = now;
        acknowledgedAt = null;
        startedAt = null;
        setDeadlines(deadlines);
        raise(new ReportRouted(assignmentId, reportId, trackingNumber, jurisdictionId, agencyId, agencyName, ruleId,
                ruleVersion, priority, districtCode, acknowledgeBy, resolveBy, now));
    }

    private void setDeadlines(Deadlines deadlines) {
        acknowledgeBy = deadlines.acknowledgeBy();
        resolveBy = deadlines.resolveBy();
        urgent = deadlines.urgent();
        escalationLevel = 0;
        nextEscalationAt = earliest(acknowledgeBy, resolveBy);
    }

    private void closeHop(String outcome, Instant now) {
        hops.add(new Hop(assignmentId, agencyId, ruleId, ruleVersion, routedAt, now, outcome));
    }

    private boolean end(AssignmentStatus finalStatus, Instant now, Set<AssignmentStatus> from) {
        if (!from.contains(status)) {
            return false;
        }
        status = finalStatus;
        endedAt = now;
        nextEscalationAt = null;
        return true;
    }

    private void require(String action, Set<AssignmentStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new ConflictException("Cannot " + action + " an assignment that is " + status + " (allowed from "
                    + allowed.stream().sorted().toList() + ")");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public record MissedDeadline(String name, Instant deadline) {
    }

    public String reportId() { return reportId; }
    public String assignmentId() { return assignmentId; }
    public String trackingNumber() { return trackingNumber; }
    public String jurisdictionId() { return jurisdictionId; }
    public String category() { return category; }
    public String categoryGroup() { return categoryGroup; }
    public String serviceName() { return serviceName; }
    public ReportType reportType() { return reportType; }
    public String districtCode() { return districtCode; }
    public String villageCode() { return villageCode; }
    public String description() { return description; }
    public Double latitude() { return latitude; }
    public Double longitude() { return longitude; }
    public String address() { return address; }
    public int photoCount() { return photoCount; }
    public boolean confidential() { return confidential; }
    public String agencyId() { return agencyId; }
    public String agencyName() { return agencyName; }
    public String ruleId() { return ruleId; }
    public int ruleVersion() { return ruleVersion; }
    public Priority priority() { return priority; }
    public boolean urgent() { return urgent; }
    public AssignmentStatus status() { return status; }
    public Instant firstRoutedAt() { return firstRoutedAt; }
    public Instant routedAt() { return routedAt; }
    public Instant acknowledgeBy() { return acknowledgeBy; }
    public Instant resolveBy() { return resolveBy; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant endedAt() { return endedAt; }
    public String resolutionNote() { return resolutionNote; }
    public String resolutionPhotoUrl() { return resolutionPhotoUrl; }
    public ReportRejected.RejectionReason rejectionReason() { return rejectionReason; }
    public String rejectionNote() { return rejectionNote; }
    public int escalationLevel() { return escalationLevel; }
    public Instant nextEscalationAt() { return nextEscalationAt; }
    public List<Note> notes() { return List.copyOf(notes); }
    public List<String> declinedBy() { return List.copyOf(declinedBy); }
    public List<Hop> hops() { return List.copyOf(hops); }
    public Long version() { return version; }
}
