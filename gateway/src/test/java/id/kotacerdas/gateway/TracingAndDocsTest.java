package id.kotacerdas.gateway;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Request ids and trace context, the access log, and the docs and operations endpoints. */
@ExtendWith(OutputCaptureExtension.class)
class TracingAndDocsTest extends GatewayTestBase {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";

    @Test
    void aRequestIdAndTraceparentAreGeneratedWhenMissingAndForwarded() {
        var result = client().get().uri("/api/v1/reports/MMK-2026-000042").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody(json()).returnResult();
        Map<String, String> forwarded = forwardedHeaders(result.getResponseBody());
        assertThat(forwarded.get("x-request-id")).isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(forwarded.get("traceparent")).matches(TRACEPARENT);

        Map<String, String> next = forwardedHeaders(client().get().uri("/api/v1/reports/MMK-2026-000042").exchange()
                .expectBody(json()).returnResult().getResponseBody());
        assertThat(next.get("x-request-id")).isNotEqualTo(forwarded.get("x-request-id"));
        assertThat(next.get("traceparent").substring(3, 35)).isNotEqualTo(forwarded.get("traceparent").substring(3, 35));
    }

    @Test
    void aCallersRequestIdAndTraceIdAreKept(CapturedOutput output) {
        String apiKey = newClientKey("Trace test app", "citizen-app");
        Map<String, Object> echo = client().post().uri("/api/v1/reports").header("X-API-Key", apiKey)
                .header("X-Request-Id", "req-lapor-77")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "Air keruh"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-lapor-77")
                .expectBody(json()).returnResult().getResponseBody();
        Map<String, String> forwarded = forwardedHeaders(echo);
        assertThat(forwarded.get("x-request-id")).isEqualTo("req-lapor-77");
        assertThat(forwarded.get("traceparent"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut())
                .contains("4bf92f3577b34da6a3ce929d0e0e4736").contains("req-lapor-77"));
        assertThat(output.getOut()).doesNotContain(apiKey);
    }

    @Test
    void swaggerUiListsEveryServicesOpenApiDocument() {
        client().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(config -> assertThat(config)
                        .contains("/docs/intake-service/v3/api-docs", "/docs/routing-service/v3/api-docs",
                                "/docs/notification-service/v3/api-docs", "/docs/voting-service/v3/api-docs"));
        client().get().uri("/docs/routing-service/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("routing");
        client().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(doc -> assertThat(doc).contains("/api/v1/clients"));
        String swaggerUi = client().get().uri("/docs").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        client().get().uri(swaggerUi).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self'.*")
                .expectBody(String.class).value(page -> assertThat(page).containsIgnoringCase("swagger"));
    }

    @Test
    void theEventsDocumentIsServedFromTheContractsJar() {
        if (new ClassPathResource("asyncapi.yaml").exists()) {
            client().get().uri("/docs/events").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(doc -> assertThat(doc).contains("asyncapi"));
        } else {
            client().get().uri("/docs/events").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theConsoleIsWrittenByAThreadOfItsOwn() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender("ASYNC_CONSOLE")).isInstanceOfSatisfying(AsyncAppender.class,
                async -> assertThat(async.getAppender("CONSOLE")).isNotNull());
        assertThat(root.getAppender("CONSOLE")).isNull();
    }

    @Test
    void readinessAndMetricsAreExposed() {
        client().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }
}
