package id.kotacerdas.gateway.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Finds the API key: the {@code X-API-Key} header, or Open311's {@code api_key} query parameter. */
class ApiKeyExtractor implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(ApiKeys.HEADER);
        if ((key == null || key.isBlank()) && Open311.isOpen311(exchange.getRequest())) {
            key = exchange.getRequest().getQueryParams().getFirst(ApiKeys.OPEN311_PARAMETER);
        }
        if (key == null || key.isBlank()) {
            return Mono.empty();
        }
        return Mono.just(new ApiKeyAuthenticationRequest(key.trim()));
    }
}
