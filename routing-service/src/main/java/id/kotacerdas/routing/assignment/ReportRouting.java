package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.report.ReportClosed;
import id.kotacerdas.contracts.report.ReportMarkedDuplicate;
import id.kotacerdas.contracts.report.ReportReopened;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.report.ReportWithdrawn;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.catalogue.ServiceCatalogue;
import id.kotacerdas.routing.catalogue.ServiceCategory;
import id.kotacerdas.routing.deadline.DeadlinePolicy;
import id.kotacerdas.routing.deadline.Deadlines;
import id.kotacerdas.routing.place.Boundaries;
import id.kotacerdas.routing.place.Jurisdiction;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.routing.place.Location;
import id.kotacerdas.routing.rule.ReportFacts;
import id.kotacerdas.routing.rule.Router;
import id.kotacerdas.routing.rule.RoutingDecision;
import id.kotacerdas.support.events.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the report's story does here: a submitted report is routed (once: the assignment's key is the
 * report id), later events move its assignment along. Each step is safe to run again.
 */
@Service
public class ReportRouting {

    private static final Logger log = LoggerFactory.getLogger(ReportRouting.class);

    private final Assignments assignments;
    private final Router router;
    private final DeadlinePolicy deadlines;
    private final Jurisdictions jurisdictions;
    private final Boundaries boundaries;
    private final ServiceCatalogue catalogue;
    private final AgencyDirectory agencies;
    private final AgencyNotifications notifications;
    private final Clock clock;

    public ReportRouting(Assignments assignments, Router router, DeadlinePolicy deadlines, Jurisdictions jurisdictions,
                         Boundaries boundaries, ServiceCatalogue catalogue, AgencyDirectory agencies,
                         AgencyNotifications notifications, Clock clock) {
        this.assignments = assignments;
        this.router = router;
        this.deadlines = deadlines;
        this.jurisdictions = jurisdictions;
        this.boundaries = boundaries;
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The assignment a submitted report gets: the agency by the rules in force, its deadlines, and the requests to
     * notify the agency. Nothing is stored yet; {@link #store} does that for many at once.
     *
     * @throws InvalidEventException when the report names a jurisdiction not served here
     */
    public Assignment route(ReportSubmitted report) {
        Jurisdiction jurisdiction = jurisdictions.find(report.jurisdictionId()).orElseThrow(() ->
                new InvalidEventException("report " + report.reportId() + " names unknown jurisdiction "
                        + report.jurisdictionId()));
        ServiceCategory category = catalogue.category(report.serviceCode());
        Location location = locate(report);
        ReportFacts facts = new ReportFacts(jurisdiction.id(), category.code(), category.group(),
                location == null ? null : location.districtCode(), report.type(), report.description());
        Instant now = clock.instant();
        RoutingDecision decision = router.route(facts, Set.of());
        Deadlines due = deadlines.deadlinesFor(jurisdiction, category.code(), now);
        Assignment assignment = Assignment.route(report, facts, category.name(),
                location == null ? null : location.villageCode(), decision, due, now);
        assignment.requestNotifications(notifications.newAssignment(assignment.assignmentId(), assignment,
                decision.agency(), jurisdiction, now));
        // logged here, while the event's trace is in the log context; the write comes later, for the whole poll
        log.info("Report {} goes to {} by rule {} v{} (priority {})", report.reportId(), decision.agency().id(),
                decision.ruleId(), decision.ruleVersion(), assignment.priority());
        return assignment;
    }

    /**
     * Stores new assignments in one write (with their events); a report that was routed before, by a redelivery or by
     * another instance, keeps its first assignment.
     */
    public void store(List<Assignment> routed) {
        Set<String> inserted = new HashSet<>();
        assignments.insertAbsent(routed).forEach(assignment -> inserted.add(assignment.assignmentId()));
        routed.stream().filter(assignment -> !inserted.contains(assignment.assignmentId())).forEach(assignment ->
                log.info("Report {} is already routed; keeping its first assignment", assignment.reportId()));
        log.debug("Stored {} new assignments of {}", inserted.size(), routed.size());
    }

    public void withdrawn(ReportWithdrawn event) {
        change(event.reportId(), a -> a.withdraw(clock.instant()), "withdrawn");
    }

    public void markedDuplicate(ReportMarkedDuplicate event) {
        change(event.reportId(), a -> a.markDuplicate(clock.instant()), "marked duplicate");
    }

    public void closed(ReportClosed event) {
        change(event.reportId(), a -> a.close(clock.instant()), "closed");
    }

    public void updated(ReportUpdated event) {
        change(event.reportId(), a -> a.addCitizenInformation(event.additionalInformation(), clock.instant()), "updated");
    }

    /** The citizen disputed the resolution: back to the same agency, with fresh deadlines. */
    public void reopened(ReportReopened event, String eventId) {
        change(event.reportId(), a -> {
            Instant now = clock.instant();
            Jurisdiction jurisdiction = jurisdictions.find(a.jurisdictionId()).orElseThrow();
            if (!a.reopen(event.reason(), deadlines.deadlinesFor(jurisdiction, a.category(), now), now)) {
                return false;
            }
            agencies.find(a.agencyId()).ifPresent(agency -> a.requestNotifications(
                    notifications.newAssignment(eventId + ":reopened", a, agency, jurisdiction, now)));
            return true;
        }, "reopened");
    }

    private void change(String reportId, Predicate<Assignment> change, String what) {
        Optional<Assignment> assignment = assignments.forReport(reportId);
        if (assignment.isEmpty()) {
            log.warn("Report {} {} but it has no assignment here; ignored", reportId, what);
            return;
        }
        if (change.test(assignment.get())) {
            // a concurrent change fails the version check and the record is retried
            assignments.save(assignment.get());
            log.info("Assignment of report {} {}", reportId, what);
        }
    }

    private Location locate(ReportSubmitted report) {
        if (report.place() == null) {
            return null;
        }
        if (report.place().districtCode() != null && !report.place().districtCode().isBlank()) {
            return new Location(report.place().districtCode(), report.place().villageCode());
        }
        if (report.place().latitude() == null || report.place().longitude() == null) {
            return null;
        }
        return boundaries.locate(report.jurisdictionId(), report.place().latitude(), report.place().longitude())
                .orElse(null);
    }
}
