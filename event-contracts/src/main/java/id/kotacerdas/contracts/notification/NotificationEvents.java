package id.kotacerdas.contracts.notification;

import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.Topics;

import java.util.List;

/** Notification commands and outcomes, keyed by request id; inbound SMS keyed by message id. */
public final class NotificationEvents {

    public static final EventDescriptor<NotificationRequested> REQUESTED = EventDescriptor.of(
            "city.notification.requested.v1", Topics.NOTIFICATION_REQUESTS, NotificationRequested.class);
    public static final EventDescriptor<NotificationSent> SENT =
            EventDescriptor.of("city.notification.sent.v1", Topics.NOTIFICATIONS, NotificationSent.class);
    public static final EventDescriptor<NotificationDelivered> DELIVERED =
            EventDescriptor.of("city.notification.delivered.v1", Topics.NOTIFICATIONS, NotificationDelivered.class);
    public static final EventDescriptor<NotificationFailed> FAILED =
            EventDescriptor.of("city.notification.failed.v1", Topics.NOTIFICATIONS, NotificationFailed.class);
    public static final EventDescriptor<InboundSmsReceived> INBOUND_SMS_RECEIVED =
            EventDescriptor.of("city.sms.received.v1", Topics.INBOUND_SMS, InboundSmsReceived.class);

    public static final List<EventDescriptor<?>> ALL = List.of(REQUESTED, SENT, DELIVERED, FAILED, INBOUND_SMS_RECEIVED);

    private NotificationEvents() {
    }
}
