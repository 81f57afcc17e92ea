package id.kotacerdas.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every gateway setting; each one can be overridden by environment variable (see application.yml and README). */
@ConfigurationProperties("kotacerdas.gateway")
public record GatewayProperties(
        String publicBaseUrl,
        Map<String, Backend> services,
        Resilience resilience,
        ApiKeys apiKeys,
        Demo demo,
        Jwt jwt,
        RateLimit rateLimit,
        BodyLimits bodyLimits,
        Cors cors,
        SecurityHeaders securityHeaders) {

    /** One backend service: its instances (base URLs) and the public path patterns routed to it. */
    /**
     * @param order where paths of two services overlap (e.g. {@code /api/v1/jurisdictions/**}), the lower order
     *              is matched first
     */
    public record Backend(List<URI> urls, List<String> paths, @DefaultValue("10") int order) {
    }

    public record Resilience(@DefaultValue("30s") Duration backendTimeout,
                             @DefaultValue("10s") Duration openStateWait,
                             @DefaultValue("2") int retries) {
    }

    public record ApiKeys(@DefaultValue("3s") Duration cacheTtl, String bootstrapOperatorKey) {
    }

    public record Demo(Path keysFile, String agencyId, String electionId, String tpsId) {
    }

    public record Jwt(String issuerUri, String jwkSetUri,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("agency") String agencyClaim,
                      @DefaultValue("election") String electionClaim,
                      @DefaultValue("tps") String tpsClaim) {

        public boolean enabled() {
            return hasText(issuerUri) || hasText(jwkSetUri);
        }
    }

    /**
     * @param sharedByInstances each instance allows its share (capacity / live instances, rounded up), so that an
     *                          allowance holds for the platform when a load balancer spreads clients over the
     *                          instances; false: every instance allows the whole capacity
     * @param instanceHeartbeat how often an instance tells the others (through the gateway's store) it is there
     */
    public record RateLimit(Allowance anonymous, Map<String, Allowance> roles,
                            @DefaultValue("true") boolean sharedByInstances,
                            @DefaultValue("10s") Duration instanceHeartbeat) {
    }

    public record Allowance(long capacity, Duration period) {
    }

    public record BodyLimits(@DefaultValue("1MB") DataSize defaultMax,
                             @DefaultValue("16MB") DataSize largeMax,
                             List<String> largePaths) {
    }

    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposedHeaders, @DefaultValue("1h") Duration maxAge) {
    }

    public record SecurityHeaders(boolean hstsEnabled, @DefaultValue("365d") Duration hstsMaxAge,
                                  String apiCsp, String docsCsp) {
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
