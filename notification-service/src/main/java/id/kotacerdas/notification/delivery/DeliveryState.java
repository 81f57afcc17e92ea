package id.kotacerdas.notification.delivery;

/**
 * The life of one (request id, channel). QUEUED → SENDING (recorded before the provider is called)
 * → SENT (the provider accepted it) → DELIVERED (receipt) or FAILED; SENDING → FAILED when every
 * provider refused it, or when the outcome is unknown (see README: never re-sent blindly).
 * QUEUED → FAILED when the channel cannot be used (no address, opted out, unknown template).
 */
public enum DeliveryState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }
}
