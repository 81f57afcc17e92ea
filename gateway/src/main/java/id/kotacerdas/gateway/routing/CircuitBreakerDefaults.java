package id.kotacerdas.gateway.routing;

import id.kotacerdas.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-route breakers share one configuration. The time limiter must outlast a cold backend's first answers
 * (Resilience4j's default of 1 s does not), so it follows the configured backend timeout.
 */
@Configuration
public class CircuitBreakerDefaults {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> sharedBreakerConfiguration(GatewayProperties properties) {
        GatewayProperties.Resilience resilience = properties.resilience();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(resilience.backendTimeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(resilience.openStateWait())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        // "no instance is up" is the load balancer's answer, given at once: no backend was called.
                        // Counted, it re-opened the breaker of a service back from a restart whose trial calls
                        // came before the next health check listed it again (10 s more of 503s for everyone).
                        .ignoreExceptions(NotFoundException.class)
                        .build())
                .build());
    }
}
