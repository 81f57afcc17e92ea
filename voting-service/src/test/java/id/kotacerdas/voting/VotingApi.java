package id.kotacerdas.voting;

import id.kotacerdas.contracts.identity.CallerHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP client for the service under test, with the identity headers the gateway would set. */
public final class VotingApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public VotingApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Identity(String clientId, String roles, String electionId, String tpsId) {

        public static final Identity ANONYMOUS = new Identity(null, null, null, null);

        public static Identity admin() {
            return new Identity("admin-client", "election-admin", null, null);
        }

        public static Identity officer(String electionId, String tpsId) {
            return new Identity("officer-" + tpsId, "tps-officer", electionId, tpsId);
        }

        public static Identity guardian(String id) {
            return new Identity(id, "guardian", null, null);
        }

        public static Identity citizen() {
            return new Identity("citizen-app", "citizen-app", null, null);
        }
    }

    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path, Identity who) {
        return send(request(path, who).GET().build());
    }

    public Answer get(String path) {
        return get(path, Identity.ANONYMOUS);
    }

    public Answer post(String path, Identity who, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, who).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer put(String path, Identity who, Object body) {
        return send(request(path, who).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public Answer postCsv(String path, Identity who, String csv) {
        return send(request(path, who).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private HttpRequest.Builder request(String path, Identity who) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + apiPath(path))).timeout(Duration.ofSeconds(60));
        if (who.clientId() != null) {
            builder.header(CallerHeaders.CLIENT_ID, who.clientId()).header(CallerHeaders.ROLES, who.roles());
        }
        if (who.electionId() != null) {
            builder.header(CallerHeaders.ELECTION_ID, who.electionId());
        }
        if (who.tpsId() != null) {
            builder.header(CallerHeaders.TPS_ID, who.tpsId());
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Election endpoints are served under /api/v1; actuator and docs paths are not. */
    public static String apiPath(String path) {
        return path.startsWith("/elections") ? "/api/v1" + path : path;
    }
}
