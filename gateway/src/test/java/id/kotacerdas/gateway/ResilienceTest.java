package id.kotacerdas.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Load balancing over instances, health-based removal, circuit breaking and safe retries. */
class ResilienceTest extends GatewayTestBase {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void aStoppedServiceAnswers503ProblemAndRecoversWhenItReturns() {
        NOTIFICATION.stop();
        try {
            client().get().uri("/api/v1/notifications?requestId=r-1").header("X-API-Key", OPERATOR_KEY).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectBody().jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.instance").isEqualTo("/api/v1/notifications");
        } finally {
            NOTIFICATION.restart();
        }
        await().atMost(PATIENCE).untilAsserted(() ->
                client().get().uri("/api/v1/notifications?requestId=r-1").header("X-API-Key", OPERATOR_KEY)
                        .exchange().expectStatus().isOk());
    }

    @Test
    void answersThatNoInstanceIsUpLeaveTheBreakerClosedForTheServicesReturn() throws InterruptedException {
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("notification-service");
        NOTIFICATION.stop();
        try {
            // past the next health checks (every 1 s here): the load balancer has no instance left to call
            Thread.sleep(3_000);
            breaker.reset();
            for (int i = 0; i < 15; i++) {
                client().get().uri("/api/v1/notifications?requestId=r-2").header("X-API-Key", OPERATOR_KEY).exchange()
                        .expectStatus().isEqualTo(503);
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        } finally {
            NOTIFICATION.restart();
        }
        await().atMost(PATIENCE).untilAsserted(() ->
                client().get().uri("/api/v1/notifications?requestId=r-2").header("X-API-Key", OPERATOR_KEY)
                        .exchange().expectStatus().isOk());
    }

    @Test
    void twoInstancesShareTheLoadAndADeadOneIsRemoved() {
        Set<Object> answeredBy = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            answeredBy.add(client().get().uri("/api/v1/reports/MMK-2026-00000" + i).exchange()
                    .expectStatus().isOk().expectBody(json()).returnResult().getResponseBody().get("instance"));
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("intake-a", "intake-b");

        String app = newClientKey("Load test app", "citizen-app");
        INTAKE_B.stop();
        try {
            // POSTs without an Idempotency-Key are never retried, so they all succeed only once the dead
            // instance has left the load balancer's list
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (int i = 0; i < 6; i++) {
                    Map<String, Object> echo = client().post().uri("/api/v1/reports").header("X-API-Key", app)
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "banjir"))
                            .exchange().expectStatus().isOk()
                            .expectBody(json()).returnResult().getResponseBody();
                    assertThat(echo.get("instance")).isEqualTo("intake-a");
                }
            });
        } finally {
            INTAKE_B.restart();
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            Set<Object> again = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                again.add(client().get().uri("/api/v1/reports/MMK-2026-00001" + i).exchange()
                        .expectStatus().isOk().expectBody(json()).returnResult().getResponseBody().get("instance"));
            }
            assertThat(again).contains("intake-b");
        });
    }

    @Test
    void safeRequestsAreRetriedAndOtherPostsAreNot() {
        int before = VOTING.requests();
        VOTING.failNext(1);
        client().get().uri("/api/v1/elections/pilkades-mimika-2026/turnout").exchange().expectStatus().isOk();
        assertThat(VOTING.requests() - before).as("GET retried once").isEqualTo(2);

        before = VOTING.requests();
        VOTING.failNext(1);
        client().post().uri("/api/v1/elections/pilkades-mimika-2026/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "t-1")).exchange().expectStatus().isEqualTo(503);
        assertThat(VOTING.requests() - before).as("plain POST not retried").isEqualTo(1);

        before = VOTING.requests();
        VOTING.failNext(1);
        Map<String, Object> echo = client().post().uri("/api/v1/elections/pilkades-mimika-2026/ballots")
                .header("Idempotency-Key", "ballot-t-2").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "t-2")).exchange().expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(VOTING.requests() - before).as("POST with Idempotency-Key retried").isEqualTo(2);
        assertThat((String) echo.get("body")).contains("t-2");
    }

    @Test
    void aBurstOfSlowAnswersIsPassedThroughNotRefused() {
        int burst = 60; // more than Spring Cloud's default bulkhead of 25 calls in flight per service
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        VOTING.delayAnswers(700);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, burst)
                    .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/elections/pilkades-mimika-2026/ballots"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"burst-" + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            assertThat(answers.stream().map(answer -> answer.join().statusCode()))
                    .as("every call of the burst reached the service").hasSize(burst).containsOnly(200);
        } finally {
            VOTING.delayAnswers(0);
        }
    }
}
