package id.kotacerdas.gateway.identity;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Readiness depends on the client store: without it no API key can be verified. */
@Component
public class ClientStoreHealthIndicator implements ReactiveHealthIndicator {

    private final ClientStore store;

    public ClientStoreHealthIndicator(ClientStore store) {
        this.store = store;
    }

    @Override
    public Mono<Health> health() {
        return store.ping().timeout(Duration.ofSeconds(3))
                .map(ok -> Health.up().build())
                .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.getClass().getSimpleName()).build()));
    }
}
