package id.kotacerdas.contracts;

import java.util.List;

/** Kafka topic names. Restricted topics carry personal data and must be ACL-protected in production. */
public final class Topics {

    public static final String REPORTS = "city.reports.v1";
    public static final String ASSIGNMENTS = "city.assignments.v1";
    /** Restricted: carries recipients' phone numbers and e-mail addresses. */
    public static final String NOTIFICATION_REQUESTS = "city.notification-requests.v1";
    public static final String NOTIFICATIONS = "city.notifications.v1";
    /** Restricted: mobile-originated SMS with the sender's number, for SMS intake. */
    public static final String INBOUND_SMS = "city.sms-inbound.v1";
    public static final String ELECTIONS = "city.elections.v1";
    public static final String ELECTION_BOARD = "city.election-board.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static List<String> all() {
        return List.of(REPORTS, ASSIGNMENTS, NOTIFICATION_REQUESTS, NOTIFICATIONS, INBOUND_SMS, ELECTIONS, ELECTION_BOARD);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
