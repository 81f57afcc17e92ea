package id.kotacerdas.routing.assignment;

import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.agency.Contact;
import id.kotacerdas.routing.calendar.WorkingCalendars;
import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.routing.deadline.Span;
import id.kotacerdas.routing.place.Jurisdiction;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.support.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Escalates missed deadlines: level 1 to the agency head, level 2 (when still missed some working days
 * later, or the resolution deadline passes) to the operator desk. Safe with several instances: the save is
 * conditional on the version read, so of two instances escalating the same assignment one wins and the
 * other backs off; each level therefore happens once.
 */
@Component
public class EscalationJob {

    static final int HIGHEST_LEVEL = 2;
    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private final MongoTemplate mongo;
    private final Assignments assignments;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final WorkingCalendars calendars;
    private final AgencyNotifications notifications;
    private final Span secondLevelAfter;
    private final Clock clock;

    public EscalationJob(MongoTemplate mongo, Assignments assignments, AgencyDirectory agencies,
                         Jurisdictions jurisdictions, WorkingCalendars calendars, AgencyNotifications notifications,
                         RoutingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.assignments = assignments;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.calendars = calendars;
        this.notifications = notifications;
        this.secondLevelAfter = Span.parse(properties.escalation().secondLevelAfter());
        this.clock = clock;
    }

    /** @return how many assignments this pass escalated */
    @Scheduled(fixedDelayString = "${kotacerdas.routing.escalation.interval:PT1M}",
            initialDelayString = "${kotacerdas.routing.escalation.interval:PT1M}")
    public int escalateOverdue() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").in(AssignmentStatus.OPEN)
                .and("escalationLevel").lt(HIGHEST_LEVEL).and("nextEscalationAt").lte(now)).limit(500);
        int escalated = 0;
        for (Assignment assignment : mongo.find(due, Assignment.class)) {
            try {
                if (escalate(assignment, now)) {
                    escalated++;
                }
            } catch (OptimisticLockingFailureException | ConflictException e) {
                log.debug("Assignment {} was changed or escalated by someone else meanwhile", assignment.assignmentId());
            }
        }
        return escalated;
    }

    private boolean escalate(Assignment assignment, Instant now) {
        Jurisdiction jurisdiction = jurisdictions.find(assignment.jurisdictionId()).orElse(null);
        Assignment.MissedDeadline missed = assignment.missedDeadline(now);
        if (missed == null || jurisdiction == null) {
            assignment.postponeEscalationCheck(assignment.nextDeadlineAfter(now));
            assignments.save(assignment);
            return false;
        }
        int level = assignment.escalationLevel() + 1;
        Instant nextCheck = level < HIGHEST_LEVEL
                ? earliest(secondLevelAfter.after(now, calendars.of(jurisdiction)), assignment.nextDeadlineAfter(now))
                : null;
        assignment.escalate(level, missed, nextCheck, now);
        assignment.requestNotifications(notifications.escalated(assignment, level, missed,
                recipients(assignment, level), jurisdiction, now));
        assignments.save(assignment);
        log.info("Assignment {} of report {} escalated to level {}: missed the {} deadline", assignment.assignmentId(),
                assignment.reportId(), level, missed.name());
        return true;
    }

    /** Level 1: the agency head; level 2: the operator desk (regional secretariat). */
    private List<Contact> recipients(Assignment assignment, int level) {
        if (level == 1) {
            return agencies.find(assignment.agencyId()).map(EscalationJob::headOrContacts).orElse(List.of());
        }
        return agencies.desk(assignment.jurisdictionId()).map(desk -> {
            List<Contact> contacts = new ArrayList<>();
            if (desk.head() != null) {
                contacts.add(desk.head());
            }
            contacts.addAll(desk.contacts());
            return contacts;
        }).orElse(List.of());
    }

    private static List<Contact> headOrContacts(Agency agency) {
        return agency.head() != null ? List.of(agency.head()) : agency.contacts();
    }

    private static Instant earliest(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
