package id.kotacerdas.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what, and what the services learn about the caller. */
class CallerIdentityTest extends GatewayTestBase {

    @Test
    void aProtectedRouteWithoutKeyIsRefusedWith401Problem() {
        int before = ROUTING.requests();
        client().get().uri("/api/v1/assignments").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.requestId").isNotEmpty();
        assertThat(ROUTING.requests()).as("nothing reached the service").isEqualTo(before);
    }

    @Test
    void anUnknownKeyIsRefusedWith401() {
        client().get().uri("/api/v1/assignments").header("X-API-Key", "kc_not-a-real-key").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aKeyWithTheWrongRoleIsRefusedWith403Problem() {
        String citizenApp = newClientKey("Lapor Mimika app", "citizen-app");
        client().post().uri("/api/v1/routing-rules").header("X-API-Key", citizenApp)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "jalan-rusak")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        client().get().uri("/api/v1/clients").header("X-API-Key", citizenApp).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void spoofedCallerHeadersAreReplacedByTheVerifiedIdentity() {
        String staff = newClientKey("PUPR desk", List.of("agency-staff"), Map.of("agencyId", "mimika-dinas-pupr"));
        Map<String, Object> echo = client().get().uri("/api/v1/assignments?status=ROUTED")
                .header("X-API-Key", staff)
                .header("X-Caller-Id", "someone-else")
                .header("X-Caller-Roles", "operator")
                .header("X-Caller-Agency", "mimika-dinkes")
                .header("X-Caller-Tps", "tps-009")
                .exchange()
                .expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        Map<String, String> headers = forwardedHeaders(echo);
        assertThat(headers.get("x-caller-id")).startsWith("cl_");
        assertThat(headers.get("x-caller-roles")).isEqualTo("agency-staff");
        assertThat(headers.get("x-caller-agency")).isEqualTo("mimika-dinas-pupr");
        assertThat(headers).doesNotContainKey("x-caller-tps");
        assertThat(headers).as("the key stops at the gateway").doesNotContainKey("x-api-key");
        assertThat(echo.get("query")).isEqualTo("status=ROUTED");
    }

    @Test
    void publicReadsNeedNoKeyAndCarryNoCallerIdentity() {
        Map<String, Object> echo = client().get().uri("/api/v1/reports/MMK-2026-000123")
                .header("X-Caller-Roles", "operator").header("X-Caller-Id", "forged")
                .exchange().expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(forwardedHeaders(echo)).doesNotContainKeys("x-caller-roles", "x-caller-id");

        client().get().uri("/api/v1/reports?jurisdiction=mimika").exchange().expectStatus().isOk();
        client().get().uri("/open311/v2/services.json?jurisdiction_id=mimika").exchange().expectStatus().isOk();
        client().get().uri("/api/v1/elections/pilkades-mimika-2026/turnout").exchange().expectStatus().isOk();
        client().get().uri("/api/v1/elections/pilkades-mimika-2026/results").exchange().expectStatus().isOk();
        client().get().uri("/api/v1/elections/pilkades-mimika-2026/record").exchange().expectStatus().isOk();
        client().post().uri("/api/v1/elections/pilkades-mimika-2026/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "single-use")).exchange().expectStatus().isOk();
    }

    @Test
    void electionWritesNeedAnElectionRole() {
        client().post().uri("/api/v1/elections/pilkades-mimika-2026/check-ins").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nik", "x")).exchange().expectStatus().isUnauthorized();
        String officer = newClientKey("TPS 001 officer", List.of("tps-officer"),
                Map.of("electionId", "pilkades-mimika-2026", "tpsId", "tps-001"));
        Map<String, Object> echo = client().post().uri("/api/v1/elections/pilkades-mimika-2026/check-ins")
                .header("X-API-Key", officer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nik", "x")).exchange().expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(echo.get("instance")).isEqualTo("voting");
        assertThat(forwardedHeaders(echo)).containsEntry("x-caller-election", "pilkades-mimika-2026")
                .containsEntry("x-caller-tps", "tps-001").containsEntry("x-caller-roles", "tps-officer");
    }

    @Test
    void open311ApiKeyQueryParameterIdentifiesTheCallerAndIsNotForwarded() {
        String app = newClientKey("Open311 web form", "citizen-app");
        client().post().uri("/open311/v2/requests.json?service_code=sampah")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("description", "Sampah menumpuk")).exchange()
                .expectStatus().isUnauthorized();
        Map<String, Object> echo = client().post().uri("/open311/v2/requests.json?service_code=sampah&api_key=" + app)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("description", "Sampah menumpuk")).exchange()
                .expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(forwardedHeaders(echo)).containsEntry("x-caller-roles", "citizen-app");
        assertThat(echo.get("query")).isEqualTo("service_code=sampah");
    }

    @Test
    void open311ApiKeyFormFieldIdentifiesTheCallerAndTheFormReachesTheService() {
        String app = newClientKey("Open311 SMS gateway", "citizen-app");
        Map<String, Object> echo = client().post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("api_key", app).with("service_code", "jalan-rusak")
                        .with("description", "Jalan berlubang"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(forwardedHeaders(echo)).containsEntry("x-caller-roles", "citizen-app");
        assertThat((String) echo.get("body")).contains("service_code=jalan-rusak").contains("description=Jalan");
    }

    @Test
    void aJwtWithTheRightRoleClaimIsAccepted() {
        String token = IDENTITY_PROVIDER.token(TestIdentityProvider.ISSUER, "staff-7",
                Map.of("roles", List.of("agency-staff"), "agency", "mimika-dinkes"));
        Map<String, Object> echo = client().get().uri("/api/v1/assignments")
                .header("Authorization", "Bearer " + token)
                .header("X-Caller-Agency", "mimika-dinas-pupr")
                .exchange().expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(forwardedHeaders(echo)).containsEntry("x-caller-id", "jwt:staff-7")
                .containsEntry("x-caller-roles", "agency-staff")
                .containsEntry("x-caller-agency", "mimika-dinkes")
                .doesNotContainKey("authorization");
    }

    @Test
    void aJwtWithoutTheRoleOrFromAnotherIssuerOrKeyIsRefused() {
        String citizen = IDENTITY_PROVIDER.token(TestIdentityProvider.ISSUER, "app-1", Map.of("roles", "citizen-app"));
        client().get().uri("/api/v1/assignments").header("Authorization", "Bearer " + citizen).exchange()
                .expectStatus().isForbidden();
        String otherIssuer = IDENTITY_PROVIDER.token("https://evil.example", "staff-7", Map.of("roles", "operator"));
        client().get().uri("/api/v1/assignments").header("Authorization", "Bearer " + otherIssuer).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String forged = IDENTITY_PROVIDER.forgedToken("staff-7", Map.of("roles", "operator"));
        client().get().uri("/api/v1/assignments").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownPathIsA404ProblemForAKnownCaller() {
        client().get().uri("/api/v1/nothing-here").header("X-API-Key", OPERATOR_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        client().get().uri("/api/v1/assignments").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Referrer-Policy")
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'none'.*");
        client().get().uri("/api/v1/reports/MMK-2026-000001").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAnswered() {
        client().options().uri("/api/v1/reports")
                .header("Origin", "https://lapor.mimikakab.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "X-API-Key, Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://lapor.mimikakab.test");
        client().options().uri("/api/v1/reports")
                .header("Origin", "https://elsewhere.test")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden();
    }
}
