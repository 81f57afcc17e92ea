package id.kotacerdas.gateway.limits;

import id.kotacerdas.gateway.identity.CurrentCaller;
import id.kotacerdas.gateway.problem.ProblemWriter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/** Applies the caller's rate limit and states it in the IETF RateLimit headers; over the limit: 429. */
@Component
@Order(-80)
public class RateLimitFilter implements WebFilter {

    private final RateLimits limits;
    private final ProblemWriter problems;

    public RateLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isInfrastructure(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        RateLimits.Outcome outcome = limits.consume(CurrentCaller.of(exchange), clientAddress(exchange));
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(outcome.limit()));
        headers.set("RateLimit-Remaining", Long.toString(outcome.remaining()));
        headers.set("RateLimit-Reset", Long.toString(outcome.resetSeconds()));
        if (outcome.allowed()) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, outcome.retryAfterSeconds())));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit reached; retry after " + Math.max(1, outcome.retryAfterSeconds()) + " s.");
    }

    /** Health probes and metric scrapes must never be throttled. */
    private static boolean isInfrastructure(String path) {
        return path.startsWith("/actuator/");
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
