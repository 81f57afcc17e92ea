package id.kotacerdas.intake.following;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportStatus;
import id.kotacerdas.intake.report.ReporterNotifications;
import id.kotacerdas.intake.report.Reports;

/**
 * Closes resolutions nobody disputed within their dispute window. Routing sends the window's end with the resolution
 * ({@code ReportResolved.disputableUntil}), counted in the jurisdiction's working days with its holidays and
 * collective leave (LAPOR! SP4N: 10 working days); a resolution whose event carried none (from a routing-service
 * before that field) closes after N working days counted Monday to Friday in the jurisdiction's time zone. Runs here
 * because intake owns the report's life; routing learns of it from {@code ReportClosed}. Safe on several instances:
 * closing is a conditional change of a RESOLVED report.
 */
@Component
public class UndisputedResolutions {

    private static final Logger log = LoggerFactory.getLogger(UndisputedResolutions.class);

    private final MongoTemplate mongo;
    private final Reports reports;
    private final Jurisdictions jurisdictions;
    private final ReporterNotifications notifications;
    private final int workingDays;

    public UndisputedResolutions(MongoTemplate mongo, Reports reports, Jurisdictions jurisdictions,
                                 ReporterNotifications notifications,
                                 @Value("${kotacerdas.intake.auto-close.working-days:10}") int workingDays) {
        this.mongo = mongo;
        this.reports = reports;
        this.jurisdictions = jurisdictions;
        this.notifications = notifications;
        this.workingDays = workingDays;
    }

    @Scheduled(fixedDelayString = "${kotacerdas.intake.auto-close.interval:PT15M}",
            initialDelayString = "${kotacerdas.intake.auto-close.initial-delay:PT1M}")
    public void closeDue() {
        closeDue(Instant.now());
    }

    /** @return how many reports were closed */
    public int closeDue(Instant now) {
        int closed = 0;
        Query windowEnded = Query.query(Criteria.where("status").is(ReportStatus.RESOLVED)
                .and("disputableUntil").lte(now));
        windowEnded.fields().include("_id");
        for (Report candidate : mongo.find(windowEnded, Report.class)) {
            close(candidate.id(), now);
            closed++;
        }
        // N working days are at least N calendar days: older resolutions are the only candidates (through an index)
        Query withoutWindow = Query.query(Criteria.where("status").is(ReportStatus.RESOLVED)
                .and("resolvedAt").lte(now.minus(Duration.ofDays(workingDays))).and("disputableUntil").is(null));
        withoutWindow.fields().include("_id", "jurisdictionId", "resolvedAt");
        for (Report candidate : mongo.find(withoutWindow, Report.class)) {
            ZoneId zone = jurisdictions.find(candidate.jurisdictionId()).map(Jurisdiction::zone)
                    .orElse(ZoneId.of("Asia/Jakarta"));
            if (candidate.resolvedAt() == null || now.isBefore(addWorkingDays(candidate.resolvedAt(), zone))) {
                continue;
            }
            close(candidate.id(), now);
            closed++;
        }
        if (closed > 0) {
            log.info("Closed {} resolved reports nobody disputed within {} working days", closed, workingDays);
        }
        return closed;
    }

    private void close(String reportId, Instant now) {
        reports.change(reportId, report -> {
            if (report.status() == ReportStatus.RESOLVED) {
                report.closeUndisputed(now);
                notifications.tell(report, report.id() + ":closed", NotificationTemplates.REPORT_CLOSED, Map.of(), now);
            }
        });
    }

    Instant addWorkingDays(Instant from, ZoneId zone) {
        ZonedDateTime time = from.atZone(zone);
        int added = 0;
        while (added < workingDays) {
            time = time.plusDays(1);
            if (time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return time.toInstant();
    }
}
