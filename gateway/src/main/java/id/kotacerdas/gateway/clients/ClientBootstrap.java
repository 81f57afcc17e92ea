package id.kotacerdas.gateway.clients;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.identity.ApiClient;
import id.kotacerdas.gateway.identity.ApiKeyVerifier;
import id.kotacerdas.gateway.identity.ApiKeys;
import id.kotacerdas.gateway.identity.ClientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * At start: the key-hash index, the bootstrap operator ({@code GATEWAY_BOOTSTRAP_OPERATOR_KEY}) and, for the
 * local stack ({@code GATEWAY_DEMO_KEYS_FILE}), one demo client per role whose keys go to that file.
 */
@Component
public class ClientBootstrap implements ApplicationRunner {

    static final String BOOTSTRAP_OPERATOR_ID = "bootstrap-operator";
    private static final Logger log = LoggerFactory.getLogger(ClientBootstrap.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final ClientStore store;
    private final ReactiveMongoTemplate mongo;
    private final ApiKeyVerifier verifier;
    private final GatewayProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ClientBootstrap(ClientStore store, ReactiveMongoTemplate mongo, ApiKeyVerifier verifier,
                           GatewayProperties properties) {
        this.store = store;
        this.mongo = mongo;
        this.verifier = verifier;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.ensureIndexes().block(STARTUP_TIMEOUT);
        String bootstrapKey = properties.apiKeys().bootstrapOperatorKey();
        if (bootstrapKey != null && !bootstrapKey.isBlank()) {
            put(BOOTSTRAP_OPERATOR_ID, "Bootstrap operator", Role.OPERATOR, bootstrapKey.trim()).block(STARTUP_TIMEOUT);
            log.info("Bootstrap operator client is active");
        }
        if (properties.demo() != null && properties.demo().keysFile() != null
                && !properties.demo().keysFile().toString().isBlank()) {
            writeDemoKeys(properties.demo().keysFile());
        }
        verifier.forgetAll();
    }

    /** Ensures the demo clients exist with their remembered keys and (re)writes the keys file. */
    public void writeDemoKeys(Path file) {
        List<DemoKey> keys = Flux.fromArray(Role.values())
                .concatMap(this::demoClient)
                .collectList()
                .block(STARTUP_TIMEOUT);
        String content = keys.stream().map(key -> key.name() + "=" + key.apiKey())
                .collect(Collectors.joining("\n", "# Kota Cerdas demo API keys (sample data, local stack only)\n", "\n"));
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), ".demo-keys", ".tmp");
            Files.writeString(temporary, content);
            restrictToOwner(temporary);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo keys file " + file, e);
        }
        log.atInfo().addKeyValue("file.path", file.toAbsolutePath().toString())
                .log("Demo API clients ready; their keys are in {}", file.toAbsolutePath());
    }

    private Mono<DemoKey> demoClient(Role role) {
        String name = "DEMO_" + role.name().toUpperCase(Locale.ROOT) + "_KEY";
        String clientId = "demo-" + role.externalName();
        return mongo.findById(name, DemoKey.class)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(new DemoKey(name, clientId, ApiKeys.generate()))
                        // another gateway instance created it first: use that one's key
                        .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(name, DemoKey.class))))
                .flatMap(key -> put(clientId, "Demo " + role.externalName() + " (sample data)", role, key.apiKey())
                        .thenReturn(key));
    }

    private Mono<ApiClient> put(String id, String name, Role role, String apiKey) {
        GatewayProperties.Demo demo = properties.demo();
        boolean staff = role == Role.AGENCY_STAFF;
        boolean officer = role == Role.TPS_OFFICER;
        return store.put(new ApiClient(id, name, List.of(role.externalName()),
                staff ? demo.agencyId() : null, officer ? demo.electionId() : null, officer ? demo.tpsId() : null,
                ApiKeys.hash(apiKey), ApiKeys.hint(apiKey), clock.instant(), "gateway", null));
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // the file stays readable as the file system allows; it holds sample keys only
        }
    }
}
