package id.kotacerdas.support.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections   the collections whose documents carry an outbox (e.g. {@code reports})
 * @param lease         how long one relay owns a document while publishing it
 * @param sweepInterval how often every collection is scanned for events nobody relayed (left by a crashed
 *                      instance; each instance also sweeps once at start)
 * @param batchSize     documents claimed and published together
 * @param sendTimeout   how long to wait for the broker's acknowledgement
 * @param validateSchemas validate each event against its JSON Schema before publishing (tests turn this on)
 */
@ConfigurationProperties("kotacerdas.outbox")
public record OutboxProperties(List<String> collections, Duration lease, Duration sweepInterval, int batchSize,
                               Duration sendTimeout, boolean validateSchemas) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        batchSize = batchSize <= 0 ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
    }
}
