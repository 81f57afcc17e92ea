package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.RunningPlatform.eventually;
import static id.kotacerdas.platform.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A citizen's report from an app, worked by the agency, with the reporter told at every step: all through the gateway. */
@org.junit.jupiter.api.Order(1)
class CitizenReportJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static RunningPlatform platform;

    @BeforeAll
    static void platform() throws Exception {
        platform = RunningPlatform.get();
    }

    @Test
    void anAppReportIsRoutedToDinasPuprWorkedToResolutionAndTheReporterIsToldAtEveryStep() throws Exception {
        String phone = randomPhone();
        String email = "pelapor-" + phone.substring(phone.length() - 6) + "@example.id";
        String trackingNumber = submit("jalan-rusak", phone, email, "SMS", Map.of());

        JsonNode routed = eventually("report " + trackingNumber + " routed", WAIT, () -> {
            JsonNode report = json(platform.get("/api/v1/reports/" + trackingNumber, null));
            return "ROUTED".equals(report.path("status").asString()) ? report : null;
        });
        assertThat(routed.path("agency").path("id").asString()).isEqualTo("mimika-dinas-pupr");

        String staff = platform.key("DEMO_AGENCY_STAFF_KEY");
        String assignmentId = assignmentOf("mimika-dinas-pupr", trackingNumber, staff);
        assertThat(post("/api/v1/assignments/" + assignmentId + "/acknowledge", staff, "{}").statusCode()).isEqualTo(200);
        awaitStatus(trackingNumber, "ACKNOWLEDGED");
        assertThat(post("/api/v1/assignments/" + assignmentId + "/start", staff, "{}").statusCode()).isEqualTo(200);
        awaitStatus(trackingNumber, "IN_PROGRESS");
        assertThat(post("/api/v1/assignments/" + assignmentId + "/resolve", staff,
                "{\"note\":\"Lubang sudah ditambal / pothole patched\"}").statusCode()).isEqualTo(200);
        awaitStatus(trackingNumber, "RESOLVED");

        // intake promises one message per step on the preferred channel (SMS), the other channel only as a fallback
        List<String> expected = List.of("received", "was forwarded to", "is being handled", "was resolved");
        List<JsonNode> sms = eventually("an SMS for every step of " + trackingNumber, WAIT, () -> {
            List<JsonNode> received = platform.smsTo(phone);
            return expected.stream().allMatch(step -> received.stream().anyMatch(m -> m.path("text").asString().contains(step)))
                    ? received : null;
        });
        for (String step : expected) {
            assertThat(sms.stream().filter(m -> m.path("text").asString().contains(trackingNumber)
                    && m.path("text").asString().contains(step)).count()).as("SMS for step '%s'", step).isEqualTo(1);
        }
        System.out.printf("[e2e] report %s: %d SMS to the reporter, %d e-mails (fallback channel only)%n",
                trackingNumber, sms.size(), platform.mailTo(email).size());
    }

    @Test
    void aReporterWithoutAPhoneIsToldByEmail() throws Exception {
        String email = "surel-" + System.nanoTime() + "@example.id";
        String body = """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"lampu-jalan","description":"Lampu jalan mati di Jl. Yos Sudarso",
                 "location":{"latitude":-4.546,"longitude":136.883},
                 "reporter":{"name":"Maria Kogoya","email":"%s","preferredChannel":"EMAIL","locale":"en"}}""".formatted(email);
        HttpResponse<String> answer = platform.postJson("/api/v1/reports", platform.key("DEMO_CITIZEN_APP_KEY"), body, Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String trackingNumber = json(answer).path("trackingNumber").asString();
        List<JsonNode> mail = eventually("mail to " + email, WAIT, () -> {
            List<JsonNode> m = platform.mailTo(email);
            return m.stream().anyMatch(x -> x.path("subject").asString().contains("received")) ? m : null;
        });
        assertThat(mail).anyMatch(m -> m.path("subject").asString().contains(trackingNumber));
    }

    @Test
    void theAgencyStaffKeyCannotSeeOrWorkAnotherAgencysAssignmentEvenWithSpoofedHeaders() throws Exception {
        String trackingNumber = submit("sampah", randomPhone(), null, "SMS", Map.of());
        JsonNode routed = eventually("report " + trackingNumber + " routed", WAIT, () -> {
            JsonNode report = json(platform.get("/api/v1/reports/" + trackingNumber, null));
            return "ROUTED".equals(report.path("status").asString()) ? report : null;
        });
        String otherAgency = routed.path("agency").path("id").asString();
        assertThat(otherAgency).isNotEqualTo("mimika-dinas-pupr");
        String assignmentId = assignmentOf(otherAgency, trackingNumber, platform.key("DEMO_OPERATOR_KEY"));

        String staff = platform.key("DEMO_AGENCY_STAFF_KEY");
        Map<String, String> spoofed = Map.of("X-Caller-Id", "someone-else", "X-Caller-Roles", "operator",
                "X-Caller-Agency", otherAgency);
        assertThat(platform.send("GET", "/api/v1/assignments/" + assignmentId, staff, null, null, spoofed).statusCode())
                .isIn(403, 404);
        assertThat(platform.send("POST", "/api/v1/assignments/" + assignmentId + "/acknowledge", staff, "application/json", "{}",
                spoofed).statusCode()).isIn(403, 404);
        assertThat(platform.send("GET", "/api/v1/agencies/" + otherAgency + "/assignments", staff, null, null, spoofed)
                .statusCode()).isIn(403, 404);
        // spoofed identity without any key is still anonymous
        assertThat(platform.send("GET", "/api/v1/assignments/" + assignmentId, null, null, null, spoofed).statusCode())
                .isEqualTo(401);
        assertThat(json(platform.get("/api/v1/reports/" + trackingNumber, null)).path("status").asString()).isEqualTo("ROUTED");
    }

    @Test
    void oneRequestsTraceIdAppearsInTheLogsOfTheGatewayAndAtLeastTwoServices() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String trackingNumber = submit("drainase", randomPhone(), null, "SMS", Map.of("traceparent", traceparent));
        eventually("report " + trackingNumber + " routed", WAIT,
                () -> "ROUTED".equals(json(platform.get("/api/v1/reports/" + trackingNumber, null)).path("status").asString()));
        List<String> parts = List.of("gateway", "intake-service", "routing-service", "notification-service");
        List<String> withTrace = eventually("trace id " + traceId + " in the gateway log and two services' logs", WAIT, () -> {
            List<String> found = parts.stream().filter(part -> logContains(part, traceId)).toList();
            return found.contains("gateway") && found.size() >= 3 ? found : null;
        });
        System.out.printf("[e2e] trace %s found in the logs of %s%n", traceId, withTrace);
    }

    static String submit(String serviceCode, String phone, String email, String channel, Map<String, String> headers) throws Exception {
        String body = """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"%s","description":"Jalan berlubang besar dekat pasar, berbahaya bagi motor",
                 "location":{"latitude":-4.5467,"longitude":136.8833,"address":"Jl. Cenderawasih, Timika"},
                 "reporter":{"name":"Yosef Beanal","phone":"%s"%s,"preferredChannel":"%s","locale":"en"}}"""
                .formatted(serviceCode, phone, email == null ? "" : ",\"email\":\"" + email + "\"", channel);
        HttpResponse<String> answer = platform.postJson("/api/v1/reports", platform.key("DEMO_CITIZEN_APP_KEY"), body, headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String trackingNumber = json(answer).path("trackingNumber").asString();
        assertThat(trackingNumber).startsWith("MMK-");
        return trackingNumber;
    }

    private static String assignmentOf(String agencyId, String trackingNumber, String key) throws Exception {
        return eventually("assignment of " + trackingNumber + " in the queue of " + agencyId, WAIT, () -> {
            HttpResponse<String> queue = platform.get("/api/v1/agencies/" + agencyId + "/assignments?size=100", key);
            for (JsonNode item : json(queue).path("items")) {
                if (trackingNumber.equals(item.path("trackingNumber").asString())) {
                    return item.path("assignmentId").asString();
                }
            }
            return null;
        });
    }

    private static void awaitStatus(String trackingNumber, String status) throws Exception {
        eventually(trackingNumber + " " + status, WAIT,
                () -> status.equals(json(platform.get("/api/v1/reports/" + trackingNumber, null)).path("status").asString()));
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return platform.postJson(path, key, body, Map.of());
    }

    private static boolean logContains(String part, String text) {
        try (var lines = Files.lines(platform.home.logFile(part))) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (Exception e) {
            return false;
        }
    }

    static String randomPhone() {
        return "+62812" + (10000000 + ThreadLocalRandom.current().nextInt(89999999));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
