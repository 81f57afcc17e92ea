package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.deadline.DeadlinePolicy;
import id.kotacerdas.routing.place.Jurisdiction;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.routing.rule.Router;
import id.kotacerdas.routing.rule.RoutingDecision;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The agency's side of the work. Agency staff act only on their own agency's assignments (others look
 * absent: 404); operators act on all. Each action is one conditional write with its events.
 */
@Service
public class AgencyWorkflow {

    /** Named as the rule in {@code ReportRouted} when a person moved the report (disposisi). */
    public static final String TRANSFER_RULE = "disposisi";
    private static final Logger log = LoggerFactory.getLogger(AgencyWorkflow.class);

    private final Assignments assignments;
    private final AgencyDirectory agencies;
    private final Router router;
    private final DeadlinePolicy deadlines;
    private final Jurisdictions jurisdictions;
    private final AgencyNotifications notifications;
    private final Clock clock;

    public AgencyWorkflow(Assignments assignments, AgencyDirectory agencies, Router router, DeadlinePolicy deadlines,
                          Jurisdictions jurisdictions, AgencyNotifications notifications, Clock clock) {
        this.assignments = assignments;
        this.agencies = agencies;
        this.router = router;
        this.deadlines = deadlines;
        this.jurisdictions = jurisdictions;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Assignment view(Caller caller, String assignmentId) {
        return load(caller, assignmentId);
    }

    public Assignment acknowledge(Caller caller, String assignmentId) {
        Assignment assignment = load(caller, assignmentId);
        assignment.acknowledge(clock.instant());
        return saved(assignment, "acknowledged", caller);
    }

    public Assignment start(Caller caller, String assignmentId) {
        Assignment assignment = load(caller, assignmentId);
        assignment.start(clock.instant());
        return saved(assignment, "started", caller);
    }

    public Note addNote(Caller caller, String assignmentId, AssignmentRequests.AddNote request) {
        Assignment assignment = load(caller, assignmentId);
        Note note = assignment.addNote(request.visibility(), request.text(), caller.clientId(), clock.instant());
        saved(assignment, "noted (" + request.visibility() + ")", caller);
        return note;
    }

    public Assignment resolve(Caller caller, String assignmentId, AssignmentRequests.Resolve request) {
        Assignment assignment = load(caller, assignmentId);
        Instant now = clock.instant();
        assignment.resolve(request.note(), request.photoUrl(), now,
                deadlines.disputableUntil(jurisdiction(assignment), now));
        return saved(assignment, "resolved", caller);
    }

    public Assignment reject(Caller caller, String assignmentId, AssignmentRequests.Reject request) {
        Assignment assignment = load(caller, assignmentId);
        Instant now = clock.instant();
        if (request.reason() == ReportRejected.RejectionReason.INVALID) {
            assignment.rejectAsInvalid(request.note(), now);
            return saved(assignment, "rejected as invalid", caller);
        }
        Set<String> excluded = new HashSet<>(assignment.declinedBy());
        excluded.add(assignment.agencyId());
        RoutingDecision next = router.route(assignment.facts(), excluded);
        if (next.agency().id().equals(assignment.agencyId())) {
            throw new ConflictException("The operator desk takes every report no agency takes: reject it as INVALID "
                    + "or transfer it instead");
        }
        Jurisdiction jurisdiction = jurisdiction(assignment);
        assignment.declineAndReroute(request.note(), next, deadlines.deadlinesFor(jurisdiction, assignment.category(), now), now);
        assignment.requestNotifications(notifications.newAssignment(assignment.assignmentId(), assignment, next.agency(),
                jurisdiction, now));
        return saved(assignment, "declined and re-routed to " + next.agency().id() + " by rule " + next.ruleId(), caller);
    }

    public Assignment transfer(Caller caller, String assignmentId, AssignmentRequests.Transfer request) {
        Assignment assignment = load(caller, assignmentId);
        Agency target = agencies.findActive(request.toAgencyId())
                .filter(agency -> agency.jurisdictionId().equals(assignment.jurisdictionId()))
                .orElseThrow(() -> new InvalidInputException("toAgencyId", "is not an active agency of this jurisdiction"));
        Instant now = clock.instant();
        Jurisdiction jurisdiction = jurisdiction(assignment);
        assignment.transfer(new RoutingDecision(target, TRANSFER_RULE, 0, assignment.priority()), request.reason(),
                deadlines.deadlinesFor(jurisdiction, assignment.category(), now), now);
        assignment.requestNotifications(notifications.newAssignment(assignment.assignmentId(), assignment, target,
                jurisdiction, now));
        return saved(assignment, "transferred to " + target.id(), caller);
    }

    private Assignment load(Caller caller, String assignmentId) {
        caller.requireAny(Role.AGENCY_STAFF, Role.OPERATOR);
        Assignment assignment = assignments.byAssignmentId(assignmentId).filter(a -> mayAccess(caller, a.agencyId()))
                .orElse(null);
        if (assignment != null) {
            return assignment;
        }
        boolean movedOn = assignments.byPastAssignmentId(assignmentId)
                .filter(a -> a.hops().stream().anyMatch(h -> h.assignmentId().equals(assignmentId)
                        && mayAccess(caller, h.agencyId())))
                .isPresent();
        if (movedOn) {
            throw new ConflictException("Assignment " + assignmentId + " has ended: the report moved to another agency");
        }
        throw new NotFoundException("No assignment " + assignmentId);
    }

    static boolean mayAccess(Caller caller, String agencyId) {
        return caller.has(Role.OPERATOR)
                || (caller.has(Role.AGENCY_STAFF) && agencyId != null && agencyId.equals(caller.agencyId()));
    }

    private Jurisdiction jurisdiction(Assignment assignment) {
        return jurisdictions.find(assignment.jurisdictionId()).orElseThrow(() ->
                new ConflictException("Jurisdiction " + assignment.jurisdictionId() + " is no longer configured"));
    }

    private Assignment saved(Assignment assignment, String what, Caller caller) {
        Assignment saved = assignments.saveForRequest(assignment);
        log.info("Assignment {} of report {} {} by {}", saved.assignmentId(), saved.reportId(), what, caller.clientId());
        return saved;
    }
}
