package id.kotacerdas.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceEndpointsTest extends IntakeServiceTest {

    @Test
    void theOpenApiDescriptionListsTheReportEndpoints() {
        Answer answer = get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("paths").propertyNames())
                .contains("/api/v1/reports", "/api/v1/reports/{trackingNumber}",
                        "/api/v1/reports/{trackingNumber}/photos/{index}",
                        "/api/v1/reports/{trackingNumber}/resolution/dispute",
                        "/api/v1/reports/{trackingNumber}/duplicate-of",
                        "/api/v1/jurisdictions/{jurisdictionId}/services");
    }

    @Test
    void readinessReportsUp() {
        Answer answer = get("/actuator/health/readiness");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("UP");
    }
}
