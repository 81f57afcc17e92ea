package id.kotacerdas.support.problem;

import id.kotacerdas.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ProblemResponsesTest {

    @LocalServerPort
    int port;

    @Test
    void aMissingAndATooLongFieldAreBothNamed() throws Exception {
        HttpResponse<String> answer = post("/validated", "{\"name\":\"\",\"description\":\"far too long text\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"name\"").contains("\"field\":\"description\"")
                .contains("\"status\":400");
    }

    @Test
    void anOperatorObjectWhereAStringBelongsIsRejectedNamingTheField() throws Exception {
        HttpResponse<String> answer = post("/validated", "{\"name\":{\"$gt\":\"\"}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"name\"");
    }

    @Test
    void aWrongTypeInANestedFieldIsNamedByItsPath() throws Exception {
        HttpResponse<String> answer = post("/validated", "{\"name\":\"x\",\"place\":{\"latitude\":\"north\"}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"place.latitude\"");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> answer = post("/validated", "{\"name\":");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"body\"");
    }

    @Test
    void aDuplicateKeyIsAConflictThatRevealsNoInternals() throws Exception {
        HttpResponse<String> answer = post("/duplicate", "{}");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).doesNotContain("nik").doesNotContain("E11000");
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNoInternals() throws Exception {
        HttpResponse<String> answer = post("/crash", "{}");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("\"status\":500")
                .doesNotContain("secret").doesNotContain("mongodb://");
    }

    @Test
    void anUnreachableStoreIsA503WithRetryAfterThatRevealsNoInternals() throws Exception {
        HttpResponse<String> answer = post("/store-down", "{}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.body()).doesNotContain("27017");
    }

    @Test
    void aDomainConflictKeepsItsExplanation() throws Exception {
        HttpResponse<String> answer = post("/conflict", "{}");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("cannot be acknowledged");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/problems" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
