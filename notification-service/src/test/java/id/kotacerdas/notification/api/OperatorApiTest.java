package id.kotacerdas.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.contracts.identity.CallerHeaders;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class OperatorApiTest extends NotificationServiceTestBase {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorSeesADeliveryByRequestIdAndByRecipientWithTheNumberMasked() throws Exception {
        String phone = newPhone();
        String email = "operator-view-" + UUID.randomUUID() + "@example.org";
        String requestId = newRequestId();
        publish(request(requestId, new Recipient("Fransiska", phone, email), List.of(Channel.SMS, Channel.EMAIL),
                NotificationTemplates.ASSIGNMENT_NEW, "id", Map.of("agencyName", "Dinkes Mimika",
                        "trackingNumber", "MMK-2026-000500", "serviceName", "Layanan kesehatan", "priority", "TINGGI",
                        "acknowledgeBy", "28 Nov 2026", "resolveBy", "3 Des 2026"), NotificationPriority.NORMAL));
        notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(requestId), Duration.ofSeconds(60));
        String masked = phone.substring(0, 6) + "****" + phone.substring(phone.length() - 4);

        HttpResponse<String> byRequest = get("/api/v1/notifications?requestId=" + requestId, "operator");
        assertThat(byRequest.statusCode()).isEqualTo(200);
        assertThat(byRequest.body()).contains("\"recipient\":\"" + masked + "\"").contains("\"state\":\"DELIVERED\"")
                .contains("\"outcome\":\"accepted\"").contains("\"outcome\":\"receipt\"")
                .doesNotContain(phone).doesNotContain(email);

        String local = "0" + phone.substring(3);
        HttpResponse<String> byRecipient = get("/api/v1/notifications?recipient=" + local, "operator");
        assertThat(byRecipient.statusCode()).isEqualTo(200);
        assertThat(byRecipient.body()).contains(requestId).contains(masked).doesNotContain(phone);
        HttpResponse<String> byEmail = get("/api/v1/notifications?recipient=" + email, "operator");
        assertThat(byEmail.body()).contains(requestId).doesNotContain(email);
    }

    @Test
    void onlyOperatorsMayLookAndOneQueryIsRequired() throws Exception {
        assertThat(get("/api/v1/notifications?requestId=x", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/notifications?requestId=x", "citizen-app").statusCode()).isEqualTo(403);
        HttpResponse<String> neither = get("/api/v1/notifications", "operator");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(neither.body()).contains("\"field\":\"requestId\"");
        assertThat(get("/api/v1/notifications?requestId=unknown-" + UUID.randomUUID(), "operator").body())
                .isEqualTo("{\"deliveries\":[]}");
    }

    @Test
    void theOpenApiDocumentDescribesTheLookup() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/notifications");
    }

    @Test
    void healthShowsTheSmppBindings() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.body()).contains("\"smpp\"").contains("\"primary\":\"bound\"");
    }

    private HttpResponse<String> get(String path, String roles) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (roles != null) {
            request.header(CallerHeaders.CLIENT_ID, "test-" + roles).header(CallerHeaders.ROLES, roles);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
