package id.kotacerdas.routing;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.identity.CallerHeaders;
import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.routing.assignment.Assignment;
import id.kotacerdas.routing.assignment.Assignments;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static id.kotacerdas.testing.RecordedTopics.header;
import static org.awaitility.Awaitility.await;

/**
 * The whole routing service against a real broker and the embedded store (one shared context for every
 * test class). Reports are produced the way intake-service produces them: CloudEvents records on
 * {@code city.reports.v1}, keyed by report id.
 */
@ServiceTest
// A save that loaded the document while the relay held its outbox lease writes that lease back, and the
// relay then waits for it to expire before publishing the next events (see the report to the lead); a short
// lease keeps such waits short in tests. The send timeout stays below the lease, as in production.
// Agencies changed on this instance must route differently at once, whatever the cache TTL: a long one here makes
// a change that forgot to invalidate the cached agencies fail the tests. No sweep during a test run: events go out
// because the write that raised them woke the relay, or a test waiting for them fails.
@TestPropertySource(properties = {"kotacerdas.outbox.lease=PT4S", "kotacerdas.outbox.send-timeout=PT3S",
        "kotacerdas.outbox.sweep-interval=PT10M",
        "kotacerdas.routing.agencies-cache-ttl=PT1H"})
public abstract class RoutingServiceTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(45);
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static RecordedTopics published;

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;
    @Autowired
    protected Assignments assignments;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String brokers;
    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void recordPublishedEvents() {
        synchronized (RoutingServiceTestBase.class) {
            if (published == null) {
                published = RecordedTopics.of(brokers, Topics.ASSIGNMENTS, Topics.NOTIFICATION_REQUESTS,
                        Topics.deadLetterOf(Topics.REPORTS));
            }
        }
    }

    protected static RecordedTopics published() {
        return published;
    }

    // --- producing reports ---

    protected static ReportSubmitted report(String jurisdiction, String serviceCode, String description, Place place) {
        String id = UUID.randomUUID().toString();
        return new ReportSubmitted(id, "TST-2026-" + id.substring(0, 6), jurisdiction, ReportType.ADUAN, serviceCode,
                description, place, false, false, ReportChannel.APP, 0, Instant.now());
    }

    protected static Place district(String districtCode) {
        return new Place(null, null, "Jl. Contoh No. 1", districtCode, null);
    }

    protected ProducerRecord<String, byte[]> record(CityEvent event) {
        return record(event, UUID.randomUUID().toString());
    }

    protected ProducerRecord<String, byte[]> record(CityEvent event, String eventId) {
        var descriptor = EventCatalog.forEvent(event);
        return new EventEnvelope(eventId, "/kota-cerdas/intake-service", descriptor.type(), event.subject(), Instant.now(),
                null, EventJson.write(event)).toRecord(descriptor.topic());
    }

    protected void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not publish a test record", e);
        }
    }

    protected void publish(CityEvent event) {
        send(record(event));
    }

    protected Assignment awaitAssignment(String reportId) {
        return await().atMost(WAIT).until(() -> assignments.forReport(reportId).orElse(null), a -> a != null);
    }

    protected Assignment submitAndAwait(ReportSubmitted report) {
        publish(report);
        return awaitAssignment(report.reportId());
    }

    // --- what the service published ---

    /** Distinct events (by ce_id): delivery is at-least-once, so a repeated record is the same event again. */
    protected static List<ConsumerRecord<String, byte[]>> events(String reportId, String ceType) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return published.all().stream().filter(r -> reportId.equals(r.key()) && ceType.equals(header(r, "ce_type")))
                .filter(r -> seen.add(header(r, "ce_id"))).toList();
    }

    protected static JsonNode awaitEvent(String reportId, String ceType) {
        ConsumerRecord<String, byte[]> record = published.await(r -> reportId.equals(r.key())
                && ceType.equals(header(r, "ce_type")), WAIT);
        return JSON.readTree(RecordedTopics.value(record));
    }

    protected static List<JsonNode> notificationRequests(String requestIdPrefix) {
        return published.all().stream().filter(r -> r.key() != null && r.key().startsWith(requestIdPrefix))
                .map(r -> JSON.readTree(RecordedTopics.value(r))).toList();
    }

    // --- HTTP, as the gateway would call ---

    public record Response(int status, String contentType, JsonNode body) {
    }

    protected static String[] operator() {
        return new String[]{CallerHeaders.CLIENT_ID, "operator-1", CallerHeaders.ROLES, "operator"};
    }

    protected static String[] staffOf(String agencyId) {
        return new String[]{CallerHeaders.CLIENT_ID, "staff-" + agencyId, CallerHeaders.ROLES, "agency-staff",
                CallerHeaders.AGENCY_ID, agencyId};
    }

    protected Response get(String path, String... headers) {
        return call("GET", path, null, headers);
    }

    protected Response post(String path, Object body, String... headers) {
        return call("POST", path, body, headers);
    }

    protected Response put(String path, Object body, String... headers) {
        return call("PUT", path, body, headers);
    }

    protected Response delete(String path, String... headers) {
        return call("DELETE", path, null, headers);
    }

    private Response call(String method, String path, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }
}
