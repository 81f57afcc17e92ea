package id.kotacerdas.notification.delivery;

import java.util.List;

/**
 * Published (in-process) when deliveries were queued, so the dispatcher can pick them up at once, without
 * reading back what was just written.
 */
public record DeliveriesQueued(List<Delivery> deliveries) {
}
