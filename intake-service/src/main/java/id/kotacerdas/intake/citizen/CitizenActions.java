package id.kotacerdas.intake.citizen;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportQueries;
import id.kotacerdas.intake.report.ReporterNotifications;
import id.kotacerdas.intake.report.ReporterTokens;
import id.kotacerdas.intake.report.Reports;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.InvalidInputException;

/** What the reporter can do later, proving authorship with the reporter token given at submission. */
@Service
public class CitizenActions {

    private final ReportQueries queries;
    private final Reports reports;
    private final ReporterNotifications notifications;

    public CitizenActions(ReportQueries queries, Reports reports, ReporterNotifications notifications) {
        this.queries = queries;
        this.reports = reports;
        this.notifications = notifications;
    }

    public Report addInformation(String trackingNumber, String token, String text) {
        requireText("information", text, 4000);
        return reports.change(authored(trackingNumber, token).id(), r -> r.addInformation(text.strip(), Instant.now()));
    }

    public Report withdraw(String trackingNumber, String token, String reason) {
        optionalText("reason", reason, 1000);
        return reports.change(authored(trackingNumber, token).id(), r -> r.withdraw(reason, Instant.now()));
    }

    public Report confirmResolution(String trackingNumber, String token) {
        return reports.change(authored(trackingNumber, token).id(), r -> {
            Instant now = Instant.now();
            r.confirmResolution(now);
            notifications.tell(r, r.id() + ":closed", NotificationTemplates.REPORT_CLOSED, Map.of(), now);
        });
    }

    /** A disputed resolution reopens the report; routing sends it back to the agency that resolved it. */
    public Report disputeResolution(String trackingNumber, String token, String reason) {
        requireText("reason", reason, 1000);
        return reports.change(authored(trackingNumber, token).id(), r -> r.disputeResolution(reason.strip(),
                Instant.now()));
    }

    public Report rate(String trackingNumber, String token, Integer rating, String comment) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "must be 1 to 5");
        }
        optionalText("comment", comment, 1000);
        return reports.change(authored(trackingNumber, token).id(), r -> r.rate(rating, comment, Instant.now()));
    }

    private Report authored(String trackingNumber, String token) {
        Report report = queries.visible(trackingNumber, token);
        if (!ReporterTokens.matches(report, token)) {
            throw new ForbiddenException("Only the reporter, with the reporter token, may do this");
        }
        return report;
    }

    private static void requireText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        optionalText(field, text, max);
    }

    private static void optionalText(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
    }
}
