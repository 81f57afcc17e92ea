package id.kotacerdas.gateway.routing;

import id.kotacerdas.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One route per backend service for its public paths, plus its OpenAPI document under
 * {@code /docs/<service>/v3/api-docs}. Every route has its own circuit breaker (503 problem when open or the
 * service is unreachable). Only safe requests are retried: GET/HEAD, and POSTs that carry an
 * {@code Idempotency-Key} (a separate route, so the key decides).
 */
@Configuration
public class BackendRoutes {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    RouteLocator backendRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        int retries = properties.resilience().retries();
        properties.services().forEach((service, backend) -> {
            String[] paths = backend.paths().toArray(String[]::new);
            String target = "lb://" + service;
            routes.route(service + "-idempotent-post", route -> route
                    .order(backend.order() - 1)
                    .path(paths).and().method(HttpMethod.POST).and().header(IDEMPOTENCY_KEY, ".+")
                    .filters(filters -> retried(breaker(filters, service), retries, HttpMethod.POST))
                    .uri(target));
            routes.route(service + "-reads", route -> route
                    .order(backend.order() - 1)
                    .path(paths).and().method(HttpMethod.GET, HttpMethod.HEAD)
                    .filters(filters -> retried(breaker(filters, service), retries, HttpMethod.GET, HttpMethod.HEAD))
                    .uri(target));
            // everything else is never retried, so it does not pass through the retry filter at all
            routes.route(service, route -> route
                    .order(backend.order())
                    .path(paths)
                    .filters(filters -> breaker(filters, service))
                    .uri(target));
            routes.route(service + "-docs", route -> route
                    .path("/docs/" + service + "/v3/api-docs")
                    .filters(filters -> breaker(filters.setPath("/v3/api-docs"), service))
                    .uri(target));
        });
        return routes.build();
    }

    private static GatewayFilterSpec breaker(GatewayFilterSpec filters, String service) {
        return filters.circuitBreaker(breaker -> breaker.setName(service)
                .setFallbackUri("forward:" + UnavailableFallback.PATH));
    }

    private static GatewayFilterSpec retried(GatewayFilterSpec filters, int retries, HttpMethod... methods) {
        return filters.retry(retry -> retry.setRetries(retries)
                .setMethods(methods)
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                .setSeries()
                .setExceptions(IOException.class, TimeoutException.class)
                .setBackoff(new RetryGatewayFilterFactory.BackoffConfig(Duration.ofMillis(50),
                        Duration.ofMillis(500), 2, true)));
    }
}
