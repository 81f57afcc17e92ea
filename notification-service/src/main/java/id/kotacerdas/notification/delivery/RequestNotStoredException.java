package id.kotacerdas.notification.delivery;

/** The store refused one request of a batch (for another reason than knowing it already); the others were stored. */
public class RequestNotStoredException extends RuntimeException {

    private final int index;

    RequestNotStoredException(int index, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.index = index;
    }

    /** Its position in the batch given. */
    public int index() {
        return index;
    }
}
