package id.kotacerdas.gateway.identity;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs right after the security chain and records the verified caller (if any) as an exchange attribute, where
 * rate limiting, identity propagation and the access log read it.
 */
@Component
@Order(-90)
public class CurrentCaller implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).identity())
                .doOnNext(identity -> exchange.getAttributes().put(CallerIdentity.ATTRIBUTE, identity))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    public static CallerIdentity of(ServerWebExchange exchange) {
        return exchange.getAttribute(CallerIdentity.ATTRIBUTE);
    }
}
