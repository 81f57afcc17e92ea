package id.kotacerdas.support.kafka;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Failures that say the store could not be reached, not that the record is wrong: the same record succeeds once the
 * store is back, however long that takes. (Consumers reach the broker only through the outbox, which retries on its
 * own.) Conflicts such as optimistic-locking failures are not outages: retried forever, a handler's bug would hold its
 * partition for good.
 */
public final class Outage {

    private Outage() {
    }

    /** Whether {@code failure}, or anything that caused it, is an outage of the store. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
