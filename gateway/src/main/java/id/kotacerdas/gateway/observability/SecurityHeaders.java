package id.kotacerdas.gateway.observability;

import id.kotacerdas.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer, including the gateway's own errors and proxied answers. API answers get a
 * CSP that allows nothing; the Swagger UI pages get one that allows their own scripts and styles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class SecurityHeaders implements WebFilter {

    private final GatewayProperties.SecurityHeaders settings;

    public SecurityHeaders(GatewayProperties properties) {
        this.settings = properties.securityHeaders();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Resource-Policy", "same-site");
            headers.set("Content-Security-Policy", isDocsPage(exchange) ? settings.docsCsp() : settings.apiCsp());
            if (settings.hstsEnabled()) {
                headers.set("Strict-Transport-Security",
                        "max-age=" + settings.hstsMaxAge().toSeconds() + "; includeSubDomains");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean isDocsPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.equals("/docs") || path.startsWith("/docs/swagger-ui") || path.startsWith("/webjars/")
                || path.startsWith("/swagger-ui");
    }
}
