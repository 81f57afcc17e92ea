package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.Contact;
import id.kotacerdas.routing.place.Jurisdiction;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notification requests routing sends to people at agencies: one request per contact and channel,
 * e-mail always and SMS too when the assignment is urgent. Request ids derive from the assignment id and
 * the cause, so a repeated cause never yields a second request id.
 */
@Component
public class AgencyNotifications {

    static final String ORIGIN = "routing-service";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * {@code assignment-new} to the agency's notification contacts; {@code cause} makes the request ids
     * (the assignment id for a new stop, the reopening event's id when a report comes back).
     */
    public List<NotificationRequested> newAssignment(String cause, Assignment assignment, Agency agency,
                                                     Jurisdiction jurisdiction, Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("agencyName", agency.name());
        parameters.put("trackingNumber", Objects.toString(assignment.trackingNumber(), assignment.reportId()));
        parameters.put("serviceName", assignment.serviceName());
        parameters.put("priority", assignment.priority().name());
        parameters.put("acknowledgeBy", local(assignment.acknowledgeBy(), jurisdiction));
        parameters.put("resolveBy", local(assignment.resolveBy(), jurisdiction));
        return requests(cause + ":new", agency.contacts(), assignment.urgent(),
                NotificationTemplates.ASSIGNMENT_NEW, parameters, now);
    }

    /** {@code assignment-escalated} to the agency head (level 1) or the operator desk (level 2). */
    public List<NotificationRequested> escalated(Assignment assignment, int level, Assignment.MissedDeadline missed,
                                                 List<Contact> recipients, Jurisdiction jurisdiction, Instant now) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("agencyName", assignment.agencyName());
        parameters.put("trackingNumber", Objects.toString(assignment.trackingNumber(), assignment.reportId()));
        parameters.put("level", Integer.toString(level));
        parameters.put("missedDeadline", missed.name());
        parameters.put("deadline", local(missed.deadline(), jurisdiction));
        return requests(assignment.assignmentId() + ":escalated-" + level, recipients, assignment.urgent(),
                NotificationTemplates.ASSIGNMENT_ESCALATED, parameters, now);
    }

    private static List<NotificationRequested> requests(String cause, List<Contact> contacts, boolean urgent,
                                                        String template, Map<String, String> parameters, Instant now) {
        List<NotificationRequested> requests = new ArrayList<>();
        NotificationPriority priority = urgent ? NotificationPriority.CRITICAL : NotificationPriority.NORMAL;
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            Recipient recipient = new Recipient(contact.name(), contact.phone(), contact.email());
            boolean hasEmail = contact.email() != null && !contact.email().isBlank();
            boolean hasPhone = contact.phone() != null && !contact.phone().isBlank();
            if (hasEmail) {
                requests.add(request(cause + ":" + i + ":email", recipient, Channel.EMAIL, template, parameters, priority, now));
            }
            if (hasPhone && (urgent || !hasEmail)) {
                requests.add(request(cause + ":" + i + ":sms", recipient, Channel.SMS, template, parameters, priority, now));
            }
        }
        return requests;
    }

    private static NotificationRequested request(String requestId, Recipient recipient, Channel channel, String template,
                                                 Map<String, String> parameters, NotificationPriority priority, Instant now) {
        return new NotificationRequested(requestId, recipient, List.of(channel), template, "id", Map.copyOf(parameters),
                priority, now, ORIGIN, now);
    }

    static String local(Instant instant, Jurisdiction jurisdiction) {
        return LOCAL_TIME.format(instant.atZone(jurisdiction.zone())) + " " + jurisdiction.zoneLabel();
    }
}
