package id.kotacerdas.support.kafka;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import id.kotacerdas.support.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageTest {

    @Test
    void anUnreachableStoreIsAnOutageHoweverDeepTheListenerWrappedIt() {
        var timeout = new MongoTimeoutException("Timed out while waiting for a server");
        assertThat(Outage.isCauseOf(timeout)).isTrue();
        assertThat(Outage.isCauseOf(new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("reading failed", timeout, 0)))).isTrue();
        assertThat(Outage.isCauseOf(new DataAccessResourceFailureException("translated by Spring Data"))).isTrue();
        assertThat(Outage.isCauseOf(new RuntimeException(
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())))).isTrue();
    }

    @Test
    void wrongRecordsAndConflictsAreNotOutages() {
        assertThat(Outage.isCauseOf(new InvalidEventException("not valid"))).isFalse();
        assertThat(Outage.isCauseOf(new OptimisticLockingFailureException("changed meanwhile"))).isFalse();
        assertThat(Outage.isCauseOf(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(Outage.isCauseOf(new IllegalStateException("a handler's bug"))).isFalse();
    }
}
