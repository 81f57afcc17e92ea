package id.kotacerdas.gateway.clients;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.gateway.identity.ApiClient;
import id.kotacerdas.gateway.identity.ApiKeyVerifier;
import id.kotacerdas.gateway.identity.ApiKeys;
import id.kotacerdas.gateway.identity.CallerIdentity;
import id.kotacerdas.gateway.identity.ClientStore;
import id.kotacerdas.gateway.identity.CurrentCaller;
import id.kotacerdas.gateway.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** Operators register, list and revoke API clients (role {@code operator}, checked by the security rules). */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "API clients", description = "Integrating apps, staff and officials and their API keys (operator only)")
public class ClientsController {

    private static final Logger log = LoggerFactory.getLogger(ClientsController.class);

    private final ClientStore store;
    private final ApiKeyVerifier verifier;
    private final Clock clock;

    public ClientsController(ClientStore store, ApiKeyVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
        this.clock = Clock.systemUTC();
    }

    @PostMapping
    @Operation(summary = "Register a client; the answer shows its API key, once")
    public Mono<ResponseEntity<ClientView>> create(@RequestBody NewClient request, ServerWebExchange exchange) {
        Set<Role> roles = request.validatedRoles();
        String apiKey = ApiKeys.generate();
        CallerIdentity operator = CurrentCaller.of(exchange);
        ApiClient client = new ApiClient("cl_" + UUID.randomUUID().toString().replace("-", ""),
                request.name().trim(), roles.stream().map(Role::externalName).toList(),
                blankToNull(request.agencyId()), blankToNull(request.electionId()), blankToNull(request.tpsId()),
                ApiKeys.hash(apiKey), ApiKeys.hint(apiKey), clock.instant(),
                operator == null ? null : operator.clientId(), null);
        return store.insert(client)
                .doOnNext(saved -> {
                    verifier.forgetAll();
                    log.atInfo().addKeyValue("client.id", saved.id()).addKeyValue("client.roles", saved.roles())
                            .log("API client registered");
                })
                .map(saved -> ResponseEntity.created(URI.create("/api/v1/clients/" + saved.id()))
                        .body(ClientView.withKey(saved, apiKey)));
    }

    @GetMapping
    @Operation(summary = "List clients (keys are never shown)")
    public Flux<ClientView> list() {
        return store.findAll().map(ClientView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One client (its key is never shown)")
    public Mono<ClientView> get(@PathVariable String id) {
        return store.findById(id).map(ClientView::of).switchIfEmpty(Mono.error(() -> unknown(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a client's key; it stops working within seconds on every gateway instance")
    public Mono<ResponseEntity<Void>> revoke(@PathVariable String id) {
        return store.findById(id)
                .switchIfEmpty(Mono.error(() -> unknown(id)))
                .flatMap(client -> store.revoke(id, clock.instant()))
                .doOnNext(changed -> {
                    verifier.forgetAll();
                    log.atInfo().addKeyValue("client.id", id).log("API client revoked");
                })
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "No API client with this id.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
