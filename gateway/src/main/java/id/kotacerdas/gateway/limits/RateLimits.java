package id.kotacerdas.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.identity.CallerIdentity;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One token bucket per client (API client id or JWT subject), sized by its most generous role, and one per IP
 * address for anonymous callers. Buckets live in this gateway instance's memory and hold this instance's share of
 * the allowance ({@link GatewayInstances}): with three instances behind a load balancer, each allows a third.
 */
@Component
public class RateLimits {

    private final GatewayProperties.Allowance anonymous;
    private final Map<String, GatewayProperties.Allowance> byRole;
    private final boolean shared;
    private final GatewayInstances instances;
    private final Cache<String, LimitedBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30))
            .maximumSize(100_000)
            .build();

    public RateLimits(GatewayProperties properties, GatewayInstances instances) {
        this.anonymous = properties.rateLimit().anonymous();
        this.byRole = properties.rateLimit().roles() == null ? Map.of() : properties.rateLimit().roles();
        this.shared = properties.rateLimit().sharedByInstances();
        this.instances = instances;
    }

    public Outcome consume(CallerIdentity caller, String clientAddress) {
        GatewayProperties.Allowance allowance = caller == null ? anonymous : allowanceOf(caller);
        String key = caller == null ? "ip:" + clientAddress : "client:" + caller.clientId();
        long capacity = shared ? shareOf(allowance.capacity(), instances.live()) : allowance.capacity();
        LimitedBucket limited = buckets.get(key + "|" + capacity + "/" + allowance.period(),
                ignored -> new LimitedBucket(capacity, Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity)
                                .refillGreedy(capacity, allowance.period()).build())
                        .build()));
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        return new Outcome(probe.isConsumed(), limited.capacity(), probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForRefill()), ceilSeconds(probe.getNanosToWaitForReset()));
    }

    private GatewayProperties.Allowance allowanceOf(CallerIdentity caller) {
        return caller.roles().stream()
                .map(Role::externalName)
                .map(byRole::get)
                .filter(Objects::nonNull)
                .max(Comparator.comparingDouble(allowance -> allowance.capacity() / (double) allowance.period().toNanos()))
                .orElse(anonymous);
    }

    private static long shareOf(long capacity, int instances) {
        return Math.max(1, (capacity + instances - 1) / instances);
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private record LimitedBucket(long capacity, Bucket bucket) {
    }

    /** The result of one request against the caller's bucket, in the units of the RateLimit headers. */
    public record Outcome(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {
    }
}
