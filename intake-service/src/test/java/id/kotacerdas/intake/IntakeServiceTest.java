package id.kotacerdas.intake;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.identity.CallerHeaders;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole intake-service against a real broker and the embedded store. Every test class extends this one,
 * so they share one Spring context (one broker). Tests use their own reports (fresh coordinates, texts) so
 * they never depend on each other.
 */
@ServiceTest
public abstract class IntakeServiceTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String APP = "citizen-app";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String brokers;

    protected RecordedTopics topics;

    @BeforeEach
    void recordTopics() {
        topics = RecordedTopics.of(brokers, Topics.REPORTS, Topics.NOTIFICATION_REQUESTS);
    }

    @AfterEach
    void stopRecording() throws InterruptedException {
        topics.close();
    }

    /** An HTTP answer: status, headers and body (parsed when JSON). */
    public record Answer(int status, Map<String, List<String>> headers, byte[] bytes) {

        public JsonNode json() {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    protected Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    protected Answer post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    protected Answer postMultipart(String path, String reportJson, List<byte[]> photos, String... headers) {
        String boundary = "kc-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + reportJson + "\r\n");
        for (int i = 0; i < photos.size(); i++) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photo" + i
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(photos.get(i));
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
    }

    /** Headers of a caller the gateway verified. */
    protected static String[] as(String role) {
        return new String[] {CallerHeaders.CLIENT_ID, "client-" + role, CallerHeaders.ROLES, role};
    }

    protected static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** A valid Mimika report body at a fresh spot (so duplicate detection never links unrelated tests). */
    protected static String reportJson(String description, double latitude, double longitude, String reporterJson) {
        return """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"jalan-rusak","description":"%s",
                 "location":{"latitude":%s,"longitude":%s,"address":"Jl. Budi Utomo, Timika"},
                 "reporter":%s}""".formatted(description, latitude, longitude, reporterJson);
    }

    protected static final String REPORTER = """
            {"name":"Yohana Beanal","phone":"0812-3456-7890","email":"yohana@example.id","preferredChannel":"SMS"}""";

    protected static double[] freshSpotInMimika() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {-4.6 + random.nextDouble(0.5), 136.4 + random.nextDouble(1.4)};
    }

    /** Submits a fresh valid report and returns the 201 answer's body. */
    protected JsonNode submitReport(String reporterJson) {
        double[] spot = freshSpotInMimika();
        Answer answer = post("/api/v1/reports",
                reportJson("Jalan berlubang " + UUID.randomUUID(), spot[0], spot[1], reporterJson), as(APP));
        if (answer.status() != 201) {
            throw new AssertionError("submission failed: " + answer.status() + " " + answer.text());
        }
        return answer.json();
    }

    /** A report as submitted: its tracking number and its id. */
    protected record SubmittedReport(String trackingNumber, String id) {
    }

    /** Submits a fresh valid report from {@link #REPORTER}. */
    protected SubmittedReport submitted() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        return new SubmittedReport(trackingNumber, reportIdOf(trackingNumber));
    }

    protected String reportIdOf(String trackingNumber) {
        return mongo.getCollection("reports").find(new org.bson.Document("trackingNumber", trackingNumber)).first()
                .getString("_id");
    }

    /** Publishes an event as routing-service would, with the given CloudEvents id. */
    protected void publishAssignmentEvent(String eventId, CityEvent event) {
        try {
            kafka.send(assignmentRecord(eventId, event)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A record of {@code city.assignments.v1} as routing-service would publish it, with the given CloudEvents id. */
    protected static ProducerRecord<String, byte[]> assignmentRecord(String eventId, CityEvent event) {
        return new EventEnvelope(eventId, "/kota-cerdas/routing-service", EventCatalog.forEvent(event).type(),
                event.subject(), Instant.now(), null, EventJson.write(event)).toRecord(Topics.ASSIGNMENTS);
    }

    protected List<ConsumerRecord<String, byte[]>> notificationsFor(String trackingNumber) {
        return topics.all().stream().filter(r -> r.topic().equals(Topics.NOTIFICATION_REQUESTS))
                .filter(r -> RecordedTopics.value(r).contains(trackingNumber)).toList();
    }

    protected static final Duration WAIT = Duration.ofSeconds(45);

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Answer send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
