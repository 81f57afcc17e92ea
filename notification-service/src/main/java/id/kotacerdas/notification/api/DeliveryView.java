package id.kotacerdas.notification.api;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.notification.delivery.Attempt;
import id.kotacerdas.notification.delivery.Delivery;
import id.kotacerdas.notification.delivery.DeliveryState;
import java.time.Instant;
import java.util.List;

/** One delivery as an operator sees it: the recipient masked, every attempt and provider answer. */
public record DeliveryView(String requestId, Channel channel, DeliveryState state, String recipient, String template,
                           String locale, NotificationPriority priority, String origin, String provider, int parts,
                           List<String> providerMessageIds, String failureReason, Channel fellBackTo,
                           Instant createdAt, Instant updatedAt, List<Attempt> attempts) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.requestId(), delivery.channel(), delivery.state(), delivery.maskedRecipient(),
                delivery.template(), delivery.locale(), delivery.priority(), delivery.origin(), delivery.provider(),
                delivery.parts(), delivery.providerMessageIds(), delivery.failureReason(), delivery.fellBackTo(),
                delivery.createdAt(), delivery.updatedAt(), delivery.attempts());
    }
}
