package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;

/**
 * Published (in-process) when a delivery was queued, so the dispatcher can pick it up at once, without
 * reading back what was just written.
 */
public record DeliveryQueued(Delivery delivery) {

    public String deliveryId() {
        return delivery.id();
    }

    public Channel channel() {
        return delivery.channel();
    }
}
