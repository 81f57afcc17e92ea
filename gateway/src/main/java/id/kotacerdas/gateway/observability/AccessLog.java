package id.kotacerdas.gateway.observability;

import id.kotacerdas.gateway.identity.CallerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One structured log line per request when its answer starts: method, path (never the query, which may hold an
 * Open311 api_key), status, duration, request and trace id, and the client id (an opaque id, not personal data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("id.kotacerdas.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            CallerIdentity caller = exchange.getAttribute(CallerIdentity.ATTRIBUTE);
            log.atInfo()
                    .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                    .addKeyValue("url.path", RequestTracing.requestedPath(exchange))
                    .addKeyValue("http.response.status_code", status == null ? 200 : status.value())
                    .addKeyValue("event.duration", System.nanoTime() - started)
                    .addKeyValue("http.request.id", RequestTracing.requestId(exchange))
                    .addKeyValue("trace.id", RequestTracing.traceId(exchange))
                    .addKeyValue("client.id", caller == null ? "anonymous" : caller.clientId())
                    .log("{} {} {}", exchange.getRequest().getMethod().name(),
                            RequestTracing.requestedPath(exchange), status == null ? 200 : status.value());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
