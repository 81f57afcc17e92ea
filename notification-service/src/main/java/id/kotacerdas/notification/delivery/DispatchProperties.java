package id.kotacerdas.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param smsThreads     concurrent SMS sends (the providers' bulkheads limit each provider below this)
 * @param emailThreads   concurrent e-mail sends
 * @param queueCapacity  deliveries waiting per channel in memory; beyond it they wait in the database for the sweep
 * @param sweepInterval  how often queued deliveries that are due (not-before passed, or left by a restart) are picked up
 * @param stuckAfter     a delivery SENDING longer than this was interrupted by a crash; must exceed the longest send
 *                       (providers × retries × response timeout)
 * @param batchLinger    how long a dispatch batch (deliveries to move to SENDING, answers to record) waits for more
 *                       work before it is written: each write costs the store about as much as a few documents, so a
 *                       few milliseconds of latency save most of them under load
 */
@ConfigurationProperties("notification.dispatch")
public record DispatchProperties(int smsThreads, int emailThreads, int queueCapacity, Duration sweepInterval,
                                 Duration stuckAfter, Duration batchLinger) {

    public DispatchProperties {
        smsThreads = smsThreads <= 0 ? 16 : smsThreads;
        emailThreads = emailThreads <= 0 ? 8 : emailThreads;
        queueCapacity = queueCapacity <= 0 ? 10_000 : queueCapacity;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(5) : stuckAfter;
        batchLinger = batchLinger == null ? Duration.ofMillis(5) : batchLinger;
    }
}
