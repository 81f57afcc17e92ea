package id.kotacerdas.contracts.notification;

import java.util.List;

/**
 * The message templates notification-service renders, and the parameters each one reads. A request
 * names one of these in {@link NotificationRequested#template()}; locale {@code id} (default) or {@code en}.
 */
public final class NotificationTemplates {

    /** trackingNumber, serviceName; to the reporter when a report is accepted (any channel, SMS intake too). */
    public static final String REPORT_RECEIVED = "report-received";
    /** trackingNumber, agencyName, acknowledgeBy */
    public static final String REPORT_ROUTED = "report-routed";
    /** trackingNumber, agencyName */
    public static final String REPORT_IN_PROGRESS = "report-in-progress";
    /** trackingNumber, agencyName, resolutionNote */
    public static final String REPORT_RESOLVED = "report-resolved";
    /** trackingNumber, agencyName, reason */
    public static final String REPORT_REJECTED = "report-rejected";
    /** trackingNumber, level */
    public static final String REPORT_ESCALATED = "report-escalated";
    /** trackingNumber */
    public static final String REPORT_CLOSED = "report-closed";
    /** trackingNumber, status, agencyName (may be empty); the answer to an SMS "CEK <tracking number>". */
    public static final String REPORT_STATUS = "report-status";
    /** (none) the short help text answering an SMS that could not be understood. */
    public static final String SMS_INTAKE_HELP = "sms-intake-help";
    /** agencyName, trackingNumber, serviceName, priority, acknowledgeBy, resolveBy; to an agency's contacts. */
    public static final String ASSIGNMENT_NEW = "assignment-new";
    /** agencyName, trackingNumber, level, missedDeadline, deadline; to the agency head or the operator desk. */
    public static final String ASSIGNMENT_ESCALATED = "assignment-escalated";
    /** electionName, villageName, tpsName, date, opensAt, closesAt; to a voter the day before. */
    public static final String ELECTION_REMINDER = "election-reminder";
    /** electionName, villageName, resultsUrl */
    public static final String ELECTION_RESULTS = "election-results";
    /** (none) confirmation that a number opted out (STOP / BERHENTI). */
    public static final String OPT_OUT_CONFIRMED = "opt-out-confirmed";
    /** (none) confirmation that a number opted back in (MULAI). */
    public static final String OPT_IN_CONFIRMED = "opt-in-confirmed";

    public static final List<String> ALL = List.of(REPORT_RECEIVED, REPORT_ROUTED, REPORT_IN_PROGRESS, REPORT_RESOLVED,
            REPORT_REJECTED, REPORT_ESCALATED, REPORT_CLOSED, REPORT_STATUS, SMS_INTAKE_HELP, ASSIGNMENT_NEW,
            ASSIGNMENT_ESCALATED, ELECTION_REMINDER, ELECTION_RESULTS, OPT_OUT_CONFIRMED, OPT_IN_CONFIRMED);

    private NotificationTemplates() {
    }
}
