package id.kotacerdas.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator API for API clients, the bootstrap operator and the demo clients. */
class ClientsApiTest extends GatewayTestBase {

    @Test
    void aCreatedKeyIsShownOnceAndListingsNeverShowKeys() {
        String key = newClientKey("Banyuasin citizen app", "citizen-app");
        assertThat(key).startsWith("kc_").hasSizeGreaterThan(40);
        String listing = client().get().uri("/api/v1/clients").header("X-API-Key", OPERATOR_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains("Banyuasin citizen app").doesNotContain(key).doesNotContain("keyHash")
                .doesNotContain("apiKey");
    }

    @Test
    void aRevokedKeyIsRefusedWithinSeconds() {
        String key = newClientKey("Short-lived integration", "citizen-app");
        client().post().uri("/api/v1/reports").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "Lampu jalan mati")).exchange().expectStatus().isOk();
        String id = clientIdByName("Short-lived integration");

        client().delete().uri("/api/v1/clients/{id}", id).header("X-API-Key", OPERATOR_KEY).exchange()
                .expectStatus().isNoContent();

        await().atMost(PATIENCE).untilAsserted(() ->
                client().post().uri("/api/v1/reports").header("X-API-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "again")).exchange()
                        .expectStatus().isUnauthorized());
        client().get().uri("/api/v1/clients/{id}", id).header("X-API-Key", OPERATOR_KEY).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revokedAt").isNotEmpty();
    }

    @Test
    void revokingAnUnknownClientIsA404Problem() {
        client().delete().uri("/api/v1/clients/cl_unknown").header("X-API-Key", OPERATOR_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void boundRolesNeedTheirBindingsAndNothingIsStoredOtherwise() {
        client().post().uri("/api/v1/clients").header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Unbound staff", "roles", List.of("agency-staff", "wizard")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'agencyId')]").exists()
                .jsonPath("$.errors[?(@.field == 'roles')]").exists();
        String listing = client().get().uri("/api/v1/clients").header("X-API-Key", OPERATOR_KEY).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).doesNotContain("Unbound staff");
    }

    @Test
    void demoClientsExistForEveryRoleAndTheirKeysFileIsStableAcrossRestarts(
            @org.springframework.beans.factory.annotation.Autowired id.kotacerdas.gateway.clients.ClientBootstrap bootstrap)
            throws Exception {
        Map<String, String> keys = readKeys();
        assertThat(keys).containsOnlyKeys("DEMO_CITIZEN_APP_KEY", "DEMO_AGENCY_STAFF_KEY", "DEMO_OPERATOR_KEY",
                "DEMO_ELECTION_ADMIN_KEY", "DEMO_TPS_OFFICER_KEY", "DEMO_GUARDIAN_KEY", "DEMO_AUDITOR_KEY");

        Map<String, Object> echo = client().get().uri("/api/v1/assignments")
                .header("X-API-Key", keys.get("DEMO_AGENCY_STAFF_KEY")).exchange()
                .expectStatus().isOk().expectBody(json()).returnResult().getResponseBody();
        assertThat(forwardedHeaders(echo)).containsEntry("x-caller-agency", "mimika-dinas-pupr");
        client().get().uri("/api/v1/clients").header("X-API-Key", keys.get("DEMO_OPERATOR_KEY")).exchange()
                .expectStatus().isOk();

        Files.delete(DEMO_KEYS_FILE);
        bootstrap.writeDemoKeys(DEMO_KEYS_FILE);
        assertThat(readKeys()).isEqualTo(keys);
    }

    private static Map<String, String> readKeys() throws Exception {
        return Files.readAllLines(DEMO_KEYS_FILE).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    @SuppressWarnings("unchecked")
    private String clientIdByName(String name) {
        List<Map<String, Object>> clients = client().get().uri("/api/v1/clients").header("X-API-Key", OPERATOR_KEY)
                .exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return clients.stream().filter(client -> name.equals(client.get("name")))
                .map(client -> (String) client.get("id")).findFirst().orElseThrow();
    }
}
