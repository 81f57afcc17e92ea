package id.kotacerdas.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed request targets are refused by the gateway itself, as problems, before any service sees them. */
class RequestTargetTest extends GatewayTestBase {

    @Test
    void pathsSmugglingSeparatorsNulOrDotSegmentsAreRefusedAsProblems() throws Exception {
        int before = INTAKE_A.requests() + INTAKE_B.requests();
        for (String path : List.of("/api/v1/reports/..%2F..%2Fetc%2Fpasswd", "/api/v1/reports/%2e%2e",
                "/api/v1/reports/MMK-2026-%00", "/api/v1/reports/%ED%A0%80", "/api/v1/reports/..")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(path).contains("\"field\":\"path\"");
        }
        assertThat(INTAKE_A.requests() + INTAKE_B.requests()).isEqualTo(before);
    }

    @Test
    void rawBracketsAndOperatorsInTheQueryAreRefusedAsProblems() throws Exception {
        String answer = rawGet("/api/v1/reports?jurisdiction[$gt]=");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"field\":\"query\"");
    }

    @Test
    void anOverlongTargetIsA414Problem() throws Exception {
        HttpResponse<String> answer = get("/api/v1/reports?jurisdiction=" + "a".repeat(10_000));

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void ordinaryEncodedValuesStillPass() throws Exception {
        assertThat(get("/api/v1/reports?jurisdiction=mimika&from=2026-11-01T00%3A00%3A00%2B09%3A00").statusCode())
                .isEqualTo(200);
    }

    /** java.net.URI refuses raw brackets, so this one is written to the socket as a hostile client would. */
    private String rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String target) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
