package id.kotacerdas.intake.following;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.assignment.AssignmentAcknowledged;
import id.kotacerdas.contracts.assignment.AssignmentEscalated;
import id.kotacerdas.contracts.assignment.AssignmentStarted;
import id.kotacerdas.contracts.assignment.AssignmentTransferred;
import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.assignment.ReportResolved;
import id.kotacerdas.contracts.assignment.ReportRouted;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportStatus;
import id.kotacerdas.intake.report.ReporterNotifications;
import id.kotacerdas.intake.report.Reports;
import id.kotacerdas.support.consumer.EventBatchHandler;
import id.kotacerdas.support.consumer.EventBatches;
import id.kotacerdas.support.consumer.EventTrace;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.support.problem.NotFoundException;

/**
 * Follows routing-service's story of each report ({@code city.assignments.v1}, keyed by report id, so in
 * order per report): keeps status and history, and tells the reporter at the steps that matter. A
 * redelivered event changes nothing: the report itself remembers the ids it applied (checked and recorded in
 * the same versioned write), and the notification request id is derived from the event id. So no log of processed
 * events is kept besides: it would cost a read and a write per poll (and a document per event) to spare a redelivered
 * poll the reading of its reports, which it needs anyway.
 * <p>
 * A poll at a time: its reports are read together, its events applied to them in order, and the changed reports
 * saved together, each under the condition that nobody changed it meanwhile. A report another writer changed in
 * between has its events of the poll applied again to its newer version.
 */
@Component
class AssignmentFollower {

    private static final Logger log = LoggerFactory.getLogger(AssignmentFollower.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final EventReader events;
    private final Reports reports;
    private final ReporterNotifications notifications;
    private final Jurisdictions jurisdictions;

    AssignmentFollower(EventReader events, Reports reports,
                       ReporterNotifications notifications, Jurisdictions jurisdictions) {
        this.events = events;
        this.reports = reports;
        this.notifications = notifications;
        this.jurisdictions = jurisdictions;
    }

    @KafkaListener(id = "intake-assignments", idIsGroup = false, topics = Topics.ASSIGNMENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatches.applyEach(records, events, new PollOfAssignmentEvents());
    }

    /** One poll's events, applied to the reports read for them, which are then saved together. */
    private final class PollOfAssignmentEvents implements EventBatchHandler {

        private final Map<String, Report> read = new HashMap<>();
        /** Per changed report, in the poll's order, the events applied to it. */
        private final Map<String, List<IncomingEvent>> applied = new LinkedHashMap<>();
        /** Reports an event failed on midway: their copy may be half-changed, so it is not saved as it is. */
        private final Set<String> spoiled = new HashSet<>();

        @Override
        public void prepare(List<IncomingEvent> polled) {
            read.putAll(reports.byIds(polled.stream().map(AssignmentFollower::reportIdOf).distinct().toList()));
        }

        @Override
        public void apply(IncomingEvent event) {
            String reportId = reportIdOf(event);
            Report report = read.get(reportId);
            if (report == null) {
                log.warn("Event {} ({}) names unknown report {}", event.id(), event.envelope().type(), reportId);
                return;
            }
            if (report.hasApplied(event.id())) {
                return;
            }
            try {
                follow(report, event);
            } catch (RuntimeException e) {
                spoiled.add(reportId);
                throw e;
            }
            applied.computeIfAbsent(reportId, id -> new ArrayList<>()).add(event);
        }

        @Override
        public void flush() {
            Set<String> again = new HashSet<>(spoiled);
            again.addAll(reports.saveAllUnlessChangedMeanwhile(applied.keySet().stream()
                    .filter(reportId -> !spoiled.contains(reportId)).map(read::get).toList()));
            for (String reportId : again) {
                List<IncomingEvent> itsEvents = applied.getOrDefault(reportId, List.of());
                if (!itsEvents.isEmpty()) {
                    applyAgain(reportId, itsEvents);
                }
            }
            applied.clear();
            spoiled.clear();
            read.clear();
        }

        private void applyAgain(String reportId, List<IncomingEvent> itsEvents) {
            try {
                reports.change(reportId, report -> itsEvents.forEach(event -> EventTrace.apply(event, e -> {
                    if (!report.hasApplied(e.id())) {
                        follow(report, e);
                    }
                })));
            } catch (NotFoundException e) {
                log.warn("Report {} is gone; {} of its events not applied", reportId, itsEvents.size());
            }
        }
    }

    private static String reportIdOf(IncomingEvent event) {
        return event.envelope().subject();
    }

    private void follow(Report report, IncomingEvent event) {
        Instant now = Instant.now();
        String cause = event.id();
        Object payload = event.payload();
        if (payload instanceof ReportRouted routed && acceptsRouting(report)) {
            report.routed(cause, routed.agencyId(), routed.agencyName(), routed.acknowledgeBy(), routed.resolveBy(),
                    routed.routedAt());
            notifications.tell(report, cause, NotificationTemplates.REPORT_ROUTED, Map.of(
                    "agencyName", nullToEmpty(routed.agencyName()),
                    "acknowledgeBy", localTime(report, routed.acknowledgeBy())), now);
        } else if (payload instanceof AssignmentTransferred transferred && acceptsRouting(report)) {
            report.transferred(cause, transferred.toAgencyId(), transferred.toAgencyName(),
                    transferred.transferredAt());
            notifications.tell(report, cause, NotificationTemplates.REPORT_ROUTED, Map.of(
                    "agencyName", nullToEmpty(transferred.toAgencyName()), "acknowledgeBy", ""), now);
        } else if (payload instanceof AssignmentAcknowledged acknowledged && isOpen(report)) {
            report.acknowledged(cause, acknowledged.acknowledgedAt());
        } else if (payload instanceof AssignmentStarted started && isOpen(report)) {
            report.started(cause, started.startedAt());
            notifications.tell(report, cause, NotificationTemplates.REPORT_IN_PROGRESS,
                    Map.of("agencyName", nullToEmpty(report.agencyName())), now);
        } else if (payload instanceof ReportResolved resolved && isOpen(report)) {
            report.resolved(cause, resolved.resolutionNote(), resolved.resolvedAt(), resolved.disputableUntil());
            notifications.tell(report, cause, NotificationTemplates.REPORT_RESOLVED, Map.of(
                    "agencyName", nullToEmpty(report.agencyName()),
                    "resolutionNote", nullToEmpty(resolved.resolutionNote())), now);
        } else if (payload instanceof ReportRejected rejected && isOpen(report)) {
            boolean invalid = rejected.reason() == ReportRejected.RejectionReason.INVALID;
            String agencyName = report.agencyName();
            report.rejected(cause, invalid, rejected.note(), rejected.rejectedAt());
            if (invalid) {
                notifications.tell(report, cause, NotificationTemplates.REPORT_REJECTED, Map.of(
                        "agencyName", nullToEmpty(agencyName),
                        "reason", rejected.note() == null ? rejected.reason().name() : rejected.note()), now);
            }
        } else if (payload instanceof AssignmentEscalated escalated && isOpen(report)) {
            report.escalated(cause, escalated.level(), escalated.escalatedAt());
            notifications.tell(report, cause, NotificationTemplates.REPORT_ESCALATED,
                    Map.of("level", String.valueOf(escalated.level())), now);
        } else {
            // a step for a finished report (e.g. withdrawn meanwhile): remembered, changes nothing
            report.ignored(cause);
        }
    }

    /** A rejected (invalid) report may still be routed again by an operator; finished ones stay finished. */
    private static boolean acceptsRouting(Report report) {
        return !report.status().isFinished() || report.status() == ReportStatus.REJECTED;
    }

    private static boolean isOpen(Report report) {
        return report.status().isOpen();
    }

    private String localTime(Report report, Instant instant) {
        if (instant == null) {
            return "";
        }
        return jurisdictions.find(report.jurisdictionId())
                .map(j -> LOCAL_TIME.format(instant.atZone(j.zone())))
                .orElse(instant.toString());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
