package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;

/** Published (in-process) when a delivery was queued, so the dispatcher can pick it up at once. */
public record DeliveryQueued(String deliveryId, Channel channel) {
}
