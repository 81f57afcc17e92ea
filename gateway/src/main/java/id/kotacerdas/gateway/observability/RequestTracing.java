package id.kotacerdas.gateway.observability;

import id.kotacerdas.contracts.identity.CallerHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} (kept when the caller sent valid
 * ones) so one request can be followed through every service; the gateway is a hop of its own in the trace, so
 * it passes on a new parent id under the same trace id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestTracing implements WebFilter {

    static final String REQUEST_ID_ATTRIBUTE = RequestTracing.class.getName() + ".requestId";
    static final String TRACE_ID_ATTRIBUTE = RequestTracing.class.getName() + ".traceId";
    static final String PATH_ATTRIBUTE = RequestTracing.class.getName() + ".path";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = request.getHeaders().getFirst(CallerHeaders.REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = randomUuid();
        }
        String traceId = randomHex(16);
        String flags = "01";
        String incoming = request.getHeaders().getFirst(CallerHeaders.TRACEPARENT);
        if (incoming != null) {
            var matcher = TRACEPARENT.matcher(incoming.trim());
            if (matcher.matches() && !ZERO_TRACE.equals(matcher.group(1))) {
                traceId = matcher.group(1);
                flags = matcher.group(3);
            }
        }
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-" + flags;
        String finalRequestId = requestId;
        ServerHttpRequest traced = request.mutate().headers(headers -> {
            headers.set(CallerHeaders.REQUEST_ID, finalRequestId);
            headers.set(CallerHeaders.TRACEPARENT, traceparent);
        }).build();
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
        exchange.getAttributes().put(PATH_ATTRIBUTE, request.getPath().value());
        exchange.getResponse().getHeaders().set(CallerHeaders.REQUEST_ID, requestId);
        return chain.filter(exchange.mutate().request(traced).build());
    }

    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
    }

    /** The path the caller asked for, also after the gateway forwarded the exchange internally. */
    public static String requestedPath(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
    }

    public static String traceId(ServerWebExchange exchange) {
        return exchange.getAttribute(TRACE_ID_ATTRIBUTE);
    }

    /*
     * Request and trace ids must be unique, not unguessable. SecureRandom (also behind UUID.randomUUID) is one
     * synchronized generator: on the event loops, under load, a recording caught them waiting 20-140 ms for its lock.
     */
    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A version 4 UUID from the thread's own generator. */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(high, low).toString();
    }
}
