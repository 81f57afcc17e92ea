package id.kotacerdas.notification.sms;

/**
 * A provider did not accept a message.
 *
 * @see #retryable() worth trying the same provider again after a back-off (throttled, queue full, not bound)
 * @see #uncertain() the provider may have taken it (timeout, or some parts accepted): never send again
 */
class ProviderFailure extends RuntimeException {

    private final String outcome;
    private final boolean retryable;
    private final boolean uncertain;

    ProviderFailure(String outcome, String detail, boolean retryable, boolean uncertain, Throwable cause) {
        super(detail, cause, false, false);
        this.outcome = outcome;
        this.retryable = retryable;
        this.uncertain = uncertain;
    }

    String outcome() {
        return outcome;
    }

    boolean retryable() {
        return retryable;
    }

    boolean uncertain() {
        return uncertain;
    }
}
