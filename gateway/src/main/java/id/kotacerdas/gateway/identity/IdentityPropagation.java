package id.kotacerdas.gateway.identity;

import id.kotacerdas.contracts.identity.CallerHeaders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Services trust the caller headers, so the gateway removes whatever arrived from outside and sets them from the
 * verified identity only. Credentials (API key, bearer token) stop here: services never see them.
 */
@Component
public class IdentityPropagation implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        CallerIdentity caller = CurrentCaller.of(exchange);
        var request = exchange.getRequest().mutate()
                .uri(withoutApiKeyParameter(exchange.getRequest().getURI()))
                .headers(headers -> {
                    CallerHeaders.IDENTITY_HEADERS.forEach(headers::remove);
                    headers.remove(ApiKeys.HEADER);
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    if (caller != null) {
                        headers.set(CallerHeaders.CLIENT_ID, caller.clientId());
                        headers.set(CallerHeaders.ROLES, caller.rolesHeader());
                        setIfPresent(headers, CallerHeaders.AGENCY_ID, caller.agencyId());
                        setIfPresent(headers, CallerHeaders.ELECTION_ID, caller.electionId());
                        setIfPresent(headers, CallerHeaders.TPS_ID, caller.tpsId());
                    }
                })
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        // before RouteToRequestUrlFilter (10000) builds the backend URL from the request URI
        return 0;
    }

    private static URI withoutApiKeyParameter(URI uri) {
        if (uri.getRawQuery() == null || !uri.getRawQuery().contains(ApiKeys.OPEN311_PARAMETER)) {
            return uri;
        }
        return UriComponentsBuilder.fromUri(uri).replaceQueryParam(ApiKeys.OPEN311_PARAMETER).build(true).toUri();
    }

    private static void setIfPresent(HttpHeaders headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.set(name, value);
        }
    }
}
