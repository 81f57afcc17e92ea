package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.intake.reporter.Contact;
import id.kotacerdas.intake.reporter.ContactCipher;

/**
 * Asks notification-service to tell a report's author about a step, on their preferred channel first and in
 * their language. The request id is derived from the cause (an event id), so a redelivered cause never
 * produces a second request. Reporters without phone or e-mail get nothing.
 */
@Component
public class ReporterNotifications {

    /** Used in greetings when the reporter gave no name or chose to stay anonymous. */
    static final String UNNAMED_REPORTER = "Pelapor";

    private final ContactCipher cipher;

    public ReporterNotifications(ContactCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Raises the request on the report (saved with the report's next write).
     *
     * @param cause a stable id of what caused it, e.g. the consumed event's id
     */
    public void tell(Report report, String cause, String template, Map<String, String> parameters, Instant now) {
        ReporterProfile profile = report.reporter();
        if (profile == null || !profile.reachable()) {
            return;
        }
        Contact contact = cipher.openContact(profile.sealedContact(), report.id());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("trackingNumber", report.trackingNumber());
        parameters.forEach((k, v) -> all.put(k, v == null ? "" : v));
        String name = report.anonymous() || contact.name() == null ? UNNAMED_REPORTER : contact.name();
        report.requestNotification(new NotificationRequested(cause + ":reporter",
                new Recipient(name, contact.phone(), contact.email()), channels(profile, contact), template,
                profile.locale(), all, NotificationPriority.NORMAL, now, "intake-service", now));
    }

    private static List<Channel> channels(ReporterProfile profile, Contact contact) {
        List<Channel> channels = new ArrayList<>();
        if (profile.preferredChannel() != null && has(contact, profile.preferredChannel())) {
            channels.add(profile.preferredChannel());
        }
        for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
            if (!channels.contains(channel) && has(contact, channel)) {
                channels.add(channel);
            }
        }
        return channels;
    }

    private static boolean has(Contact contact, Channel channel) {
        return channel == Channel.SMS ? contact.phone() != null : contact.email() != null;
    }
}
