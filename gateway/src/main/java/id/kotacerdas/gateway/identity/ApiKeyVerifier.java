package id.kotacerdas.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Verifies API keys against the client store. Answers (also "unknown key") are cached only briefly, so a key
 * revoked on any gateway instance stops working everywhere within the cache TTL.
 */
@Component
public class ApiKeyVerifier implements ReactiveAuthenticationManager {

    private final ClientStore store;
    private final AsyncCache<String, Optional<CallerIdentity>> cache;

    public ApiKeyVerifier(ClientStore store, GatewayProperties properties) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.apiKeys().cacheTtl())
                .maximumSize(10_000)
                .buildAsync();
    }

    public Mono<CallerIdentity> verify(String apiKey) {
        String hash = ApiKeys.hash(apiKey);
        return Mono.fromFuture(() -> cache.get(hash, (key, executor) -> store.findActiveByKeyHash(key)
                        .map(client -> Optional.of(client.identity()))
                        .defaultIfEmpty(Optional.empty())
                        .toFuture()))
                .onErrorMap(error -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Caller identities cannot be verified right now; try again shortly."))
                .flatMap(Mono::justOrEmpty);
    }

    public void forgetAll() {
        cache.synchronous().invalidateAll();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof ApiKeyAuthenticationRequest request)) {
            return Mono.empty();
        }
        return verify((String) request.getCredentials())
                .<Authentication>map(CallerAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API key")));
    }
}
