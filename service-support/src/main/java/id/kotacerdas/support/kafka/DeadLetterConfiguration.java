package id.kotacerdas.support.kafka;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.support.events.InvalidEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * Retries a failing record with exponential back-off, then publishes it to {@code <topic>.DLT} with the
 * failure in headers ({@code kafka_dlt-exception-*}) and moves on. Invalid records skip the retries.
 * <p>
 * A record that failed because the store could not be reached ({@link Outage}) is retried until it
 * succeeds, the wait doubling up to {@code maxInterval}: dead-lettering it would leave a valid event unapplied
 * after an outage longer than the retries, and the records behind it would fail the same way.
 */
public final class DeadLetterConfiguration {

    private DeadLetterConfiguration() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, int attempts,
                                                   Duration initialInterval, Duration maxInterval) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxAttempts(Math.max(0, attempts - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, exception) ->
                Outage.isCauseOf(exception) ? untilItSucceeds(initialInterval, maxInterval) : null);
        return handler;
    }

    private static ExponentialBackOff untilItSucceeds(Duration initialInterval, Duration maxInterval) {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(initialInterval.toMillis(), maxInterval.toMillis()));
        return backOff;
    }
}
