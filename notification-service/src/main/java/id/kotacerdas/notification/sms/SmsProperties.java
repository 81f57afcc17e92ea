package id.kotacerdas.notification.sms;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS settings. Providers are a map by name so that environment variables can add one
 * ({@code NOTIFICATION_SMS_PROVIDERS_BACKUP_HOST=...}) without restating the others.
 *
 * @param sourceAddress the sender shown on handsets (short code or number)
 * @param providers     SMPP providers by name, tried in {@code order}
 */
@ConfigurationProperties("notification.sms")
public record SmsProperties(String sourceAddress, Map<String, Provider> providers) {

    public SmsProperties {
        sourceAddress = sourceAddress == null || sourceAddress.isBlank() ? "1708" : sourceAddress;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /** The enabled providers with their names, in order of preference. */
    public List<NamedProvider> enabledInOrder() {
        return providers.entrySet().stream().filter(e -> e.getValue().isEnabled())
                .map(e -> new NamedProvider(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((NamedProvider p) -> p.settings().order()).thenComparing(NamedProvider::name))
                .toList();
    }

    public record NamedProvider(String name, Provider settings) {
    }

    /**
     * One SMPP provider (SMSC).
     *
     * @param enabled          false to keep its settings but not use it
     * @param order            lower is tried first
     * @param host             SMSC host
     * @param port             SMSC port
     * @param systemId         bind system id
     * @param password         bind password
     * @param systemType       bind system type (often empty)
     * @param ratePerSecond    submit_sm per second allowed by the provider; 0 = no limit
     * @param maxConcurrent    submits in flight at once (bulkhead)
     * @param enquireLink      idle time after which an enquire_link keeps the session alive
     * @param responseTimeout  how long to wait for a submit_sm_resp; after that the outcome is unknown
     * @param bindTimeout      how long a (re)bind may take
     * @param rebindDelay      how often a dropped session is bound again
     * @param waitForPermit    how long a send waits for the rate limiter or bulkhead before trying the next provider
     * @param pduProcessors    threads handling incoming PDUs of the session: submit_sm_resp and delivery receipts
     *                         (a receipt is stored before it is acknowledged, so too few threads let receipts
     *                         delay the responses that senders wait for)
     */
    public record Provider(Boolean enabled, int order, String host, int port, String systemId, String password,
                           String systemType, int ratePerSecond, int maxConcurrent, Duration enquireLink,
                           Duration responseTimeout, Duration bindTimeout, Duration rebindDelay, Duration waitForPermit,
                           int pduProcessors) {

        public Provider {
            host = host == null || host.isBlank() ? "localhost" : host;
            port = port <= 0 ? 2775 : port;
            systemType = systemType == null ? "" : systemType;
            maxConcurrent = maxConcurrent <= 0 ? 16 : maxConcurrent;
            enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            bindTimeout = bindTimeout == null ? Duration.ofSeconds(5) : bindTimeout;
            rebindDelay = rebindDelay == null ? Duration.ofSeconds(2) : rebindDelay;
            waitForPermit = waitForPermit == null ? Duration.ofSeconds(5) : waitForPermit;
            pduProcessors = pduProcessors <= 0 ? 16 : pduProcessors;
        }

        boolean isEnabled() {
            return !Boolean.FALSE.equals(enabled);
        }
    }
}
