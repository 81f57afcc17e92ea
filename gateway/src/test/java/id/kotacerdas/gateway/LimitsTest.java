package id.kotacerdas.gateway;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rate limits per client and body limits per route. */
class LimitsTest extends GatewayTestBase {

    private static final String INSTANCES = "gateway_instances";

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndRateLimitHeaders() {
        String guardian = newClientKey("Key guardian 1", "guardian");
        for (int remaining = 2; remaining >= 0; remaining--) {
            expectAllowed(guardian, 3, remaining);
        }
        listGuardiansWith(guardian)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().exists("RateLimit-Reset")
                .expectBody().jsonPath("$.status").isEqualTo(429);

        String otherGuardian = newClientKey("Key guardian 2", "guardian");
        listGuardiansWith(otherGuardian).expectStatus().isOk();
    }

    @Test
    void withASecondGatewayInstanceEachAllowsHalfOfAnAllowanceAndTheWholeAgainOnceItIsGone() {
        String peer = "peer-" + UUID.randomUUID();
        // heard from a minute ahead, so that it counts however long the test takes (the heartbeat is 300 ms here)
        mongo.insert(new Document("_id", peer).append("seenAt", Date.from(Instant.now().plusSeconds(60))), INSTANCES)
                .block();
        try {
            await().atMost(PATIENCE).until(() -> anonymousLimit().equals("50000"));
            String guardian = newClientKey("Key guardian 3", "guardian"); // 3 an hour: 2 on each of two instances
            for (int remaining = 1; remaining >= 0; remaining--) {
                expectAllowed(guardian, 2, remaining);
            }
            listGuardiansWith(guardian)
                    .expectStatus().isEqualTo(429)
                    .expectHeader().valueEquals("RateLimit-Limit", "2");

            // a crashed instance writes no more heartbeats: after three of ours it no longer counts
            mongo.updateFirst(Query.query(Criteria.where("_id").is(peer)),
                    new Update().set("seenAt", Date.from(Instant.now().minusSeconds(2))), INSTANCES).block();
            await().atMost(PATIENCE).until(() -> anonymousLimit().equals("100000"));
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(peer)), INSTANCES).block();
        }
    }

    private void expectAllowed(String apiKey, int limit, int remaining) {
        listGuardiansWith(apiKey).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(limit))
                .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining));
    }

    private WebTestClient.ResponseSpec listGuardiansWith(String apiKey) {
        return client().get().uri("/api/v1/elections/pilkades-mimika-2026/guardians").header("X-API-Key", apiKey)
                .exchange();
    }

    private String anonymousLimit() {
        return client().get().uri("/api/v1/jurisdictions/mimika/services").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("RateLimit-Limit");
    }

    @Test
    void anOversizeBodyIsRefusedWith413ProblemBeforeReachingTheService() {
        String staff = newClientKey("Dinkes desk", java.util.List.of("agency-staff"), Map.of("agencyId", "mimika-dinkes"));
        int before = ROUTING.requests();
        client().post().uri("/api/v1/assignments/a-1/notes").header("X-API-Key", staff)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[100 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
        assertThat(ROUTING.requests()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyOfUnknownLengthIsCountedAndRefusedWith413() {
        String staff = newClientKey("Streaming desk", java.util.List.of("agency-staff"), Map.of("agencyId", "mimika-dlh"));
        int before = ROUTING.requests();
        client().post().uri("/api/v1/assignments/a-2/notes").header("X-API-Key", staff)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks(100), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ROUTING.requests()).isEqualTo(before);

        Map<String, Object> echo = client().post().uri("/api/v1/assignments/a-2/notes").header("X-API-Key", staff)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks(10), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(echo.get("bodyLength")).isEqualTo(10 * 1024);
    }

    /** A body sent with chunked transfer encoding, {@code kilobytes} chunks of 1 KB. */
    private static Flux<DataBuffer> chunks(int kilobytes) {
        return Flux.range(0, kilobytes).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]));
    }

    @Test
    void aReportWithPhotosMayBeLargerThanOtherBodies() {
        String app = newClientKey("Photo app", "citizen-app");
        Map<String, Object> echo = client().post().uri("/api/v1/reports").header("X-API-Key", app)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[300 * 1024])
                .exchange()
                .expectStatus().isOk()
                .expectBody(json()).returnResult().getResponseBody();
        assertThat(echo.get("bodyLength")).isEqualTo(300 * 1024);
        client().post().uri("/api/v1/reports").header("X-API-Key", app)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[600 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413);
    }
}
