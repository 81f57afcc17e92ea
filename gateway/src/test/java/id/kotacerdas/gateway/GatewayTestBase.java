package id.kotacerdas.gateway;

import id.kotacerdas.testing.EmbeddedMongoInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real gateway on a random port, with its own MongoDB-wire store, in front of real HTTP backends started
 * here. Every test class extends this one so they all share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kotacerdas.gateway.api-keys.cache-ttl=1s",
        "kotacerdas.gateway.api-keys.bootstrap-operator-key=" + GatewayTestBase.OPERATOR_KEY,
        "kotacerdas.gateway.rate-limit.anonymous.capacity=100000",
        "kotacerdas.gateway.rate-limit.roles.guardian.capacity=3",
        "kotacerdas.gateway.rate-limit.roles.guardian.period=1h",
        "kotacerdas.gateway.rate-limit.instance-heartbeat=300ms",
        "kotacerdas.gateway.body-limits.default-max=64KB",
        "kotacerdas.gateway.body-limits.large-max=512KB",
        "kotacerdas.gateway.resilience.open-state-wait=2s",
        "kotacerdas.gateway.cors.allowed-origins=https://lapor.mimikakab.test",
        "spring.cloud.loadbalancer.health-check.interval=1s",
})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
abstract class GatewayTestBase {

    static final String OPERATOR_KEY = "test-bootstrap-operator-key-4f1c2a9e7b";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static final EchoBackend INTAKE_A = EchoBackend.start("intake-a");
    static final EchoBackend INTAKE_B = EchoBackend.start("intake-b");
    static final EchoBackend ROUTING = EchoBackend.start("routing");
    static final EchoBackend NOTIFICATION = EchoBackend.start("notification");
    static final EchoBackend VOTING = EchoBackend.start("voting");
    static final TestIdentityProvider IDENTITY_PROVIDER = TestIdentityProvider.start();
    static final Path DEMO_KEYS_FILE = demoKeysFile();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("kotacerdas.gateway.services.intake-service.urls", () -> INTAKE_A.url() + "," + INTAKE_B.url());
        registry.add("kotacerdas.gateway.services.routing-service.urls", () -> ROUTING.url().toString());
        registry.add("kotacerdas.gateway.services.notification-service.urls", () -> NOTIFICATION.url().toString());
        registry.add("kotacerdas.gateway.services.voting-service.urls", () -> VOTING.url().toString());
        registry.add("kotacerdas.gateway.jwt.issuer-uri", () -> TestIdentityProvider.ISSUER);
        registry.add("kotacerdas.gateway.jwt.jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        registry.add("kotacerdas.gateway.demo.keys-file", DEMO_KEYS_FILE::toString);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(PATIENCE).build();
    }

    /** Registers a client through the operator API and returns its key. */
    String newClientKey(String name, List<String> roles, Map<String, String> bindings) {
        Map<String, Object> request = new HashMap<>(bindings);
        request.put("name", name);
        request.put("roles", roles);
        Map<String, Object> created = client().post().uri("/api/v1/clients")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (String) created.get("apiKey");
    }

    String newClientKey(String name, String role) {
        return newClientKey(name, List.of(role), Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> forwardedHeaders(Map<String, Object> echo) {
        return (Map<String, String>) echo.get("headers");
    }

    static ParameterizedTypeReference<Map<String, Object>> json() {
        return new ParameterizedTypeReference<>() { };
    }

    /** Removed when the test JVM exits, the file (written by the gateway) before its directories. */
    private static Path demoKeysFile() {
        try {
            Path dir = Files.createTempDirectory("gateway-demo");
            Path file = dir.resolve(".smartcity/demo-keys.env");
            for (Path removedLastToFirst : List.of(dir, file.getParent(), file)) {
                removedLastToFirst.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
