package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.testing.RecordedTopics;
import tools.jackson.databind.JsonNode;

class ReportSubmissionTest extends IntakeServiceTest {

    @Test
    void aValidReportIsAcceptedWithATrackingNumberPerJurisdictionAndAReporterToken() {
        double[] spot = freshSpotInMimika();
        Answer answer = post("/api/v1/reports", reportJson("Jalan amblas dekat pasar", spot[0], spot[1], REPORTER),
                as(APP));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        String trackingNumber = body.get("trackingNumber").asString();
        int year = Year.now(ZoneId.of("Asia/Jayapura")).getValue();
        assertThat(trackingNumber).matches("MMK-" + year + "-\\d{6}");
        assertThat(answer.header("Location")).isEqualTo("/api/v1/reports/" + trackingNumber);
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(body.get("reporterToken").asString()).hasSizeGreaterThan(20);

        JsonNode shown = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(shown.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(shown.get("history").get(0).get("step").asString()).isEqualTo("SUBMITTED");
        assertThat(shown.get("history").get(0).get("at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        // the phone in any form; not just "812", which the report's random coordinates may contain
        assertThat(shown.toString()).doesNotContain("Yohana").doesNotContain("81234567890")
                .doesNotContain("3456-7890").doesNotContain("example.id");
    }

    @Test
    void trackingNumbersCountUpWithinAJurisdiction() {
        String first = submitReport("null").get("trackingNumber").asString();
        String second = submitReport("null").get("trackingNumber").asString();
        assertThat(Long.parseLong(second.substring(9))).isGreaterThan(Long.parseLong(first.substring(9)));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndStoresOneReport() {
        String key = UUID.randomUUID().toString();
        String description = "Lubang besar " + key;
        double[] spot = freshSpotInMimika();
        String body = reportJson(description, spot[0], spot[1], REPORTER);

        Answer first = post("/api/v1/reports", body, with(as(APP), "Idempotency-Key", key));
        Answer retry = post("/api/v1/reports", body, with(as(APP), "Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("trackingNumber")).isEqualTo(first.json().get("trackingNumber"));
        assertThat(retry.json().get("reporterToken")).isEqualTo(first.json().get("reporterToken"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mongo.getCollection("reports").countDocuments(new Document("description", description)))
                .isEqualTo(1);

        Answer misuse = post("/api/v1/reports", reportJson("Another text", spot[0], spot[1], REPORTER),
                with(as(APP), "Idempotency-Key", key));
        assertThat(misuse.status()).isEqualTo(422);
    }

    @Test
    void reportSubmittedCarriesNoPersonalData() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();

        ConsumerRecord<String, byte[]> record = topics.awaitType(ReportEvents.SUBMITTED.type(),
                json -> json.contains(trackingNumber), WAIT);
        String raw = RecordedTopics.value(record);
        assertThat(record.topic()).isEqualTo(Topics.REPORTS);
        assertThat(raw).doesNotContain("Yohana").doesNotContain("Beanal").doesNotContain("3456")
                .doesNotContain("7890").doesNotContain("yohana@example.id").doesNotContain("reporter");
        assertThat(raw).contains("\"channel\":\"APP\"").contains("\"serviceCode\":\"jalan-rusak\"");
        record.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain("3456").doesNotContain("Yohana"));
    }

    @Test
    void thePhoneIsNormalisedAndTheReporterIsToldTheReportWasReceived() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();

        ConsumerRecord<String, byte[]> request = topics.awaitType(NotificationEvents.REQUESTED.type(),
                json -> json.contains(trackingNumber), WAIT);
        JsonNode event = JSON.readTree(RecordedTopics.value(request));
        assertThat(event.get("template").asString()).isEqualTo("report-received");
        assertThat(event.get("recipient").get("phone").asString()).isEqualTo("+6281234567890");
        assertThat(event.get("channels").get(0).asString()).isEqualTo("SMS");
        assertThat(event.get("channels").get(1).asString()).isEqualTo("EMAIL");
        assertThat(event.get("locale").asString()).isEqualTo("id");
        assertThat(event.get("parameters").get("serviceName").asString()).isEqualTo("Jalan rusak");
    }

    @Test
    void theContactIsNotReadableInTheStoredDocument() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        // the restricted notification request waits in the outbox only until the broker has it
        await().atMost(WAIT).until(() -> mongo.getCollection("reports")
                .find(new Document("trackingNumber", trackingNumber)).first().getList("outbox", Document.class).isEmpty());

        Document raw = mongo.getCollection("reports").find(new Document("trackingNumber", trackingNumber)).first();
        String stored = raw.toJson();
        assertThat(stored).doesNotContain("Yohana").doesNotContain("Beanal").doesNotContain("81234567890")
                .doesNotContain("yohana@example.id");
        assertThat(raw.get("reporter", Document.class).getString("sealedContact")).isNotBlank();
    }

    @Test
    void creatingAReportNeedsACitizenAppOrOperator() {
        double[] spot = freshSpotInMimika();
        String body = reportJson("Tanpa kunci", spot[0], spot[1], REPORTER);
        assertThat(post("/api/v1/reports", body).status()).isEqualTo(401);
        assertThat(post("/api/v1/reports", body, as("agency-staff")).status()).isEqualTo(403);
        assertThat(post("/api/v1/reports", body, as("operator")).status()).isEqualTo(201);
    }

    @Test
    void anAddressIsEnoughWithoutCoordinates() {
        Answer answer = post("/api/v1/reports", """
                {"jurisdiction":"banyuasin","type":"KELUHAN","serviceCode":"air-bersih",
                 "description":"Air PDAM mati tiga hari","location":{"address":"Jl. Merdeka 5, Pangkalan Balai"}}""",
                as(APP));
        assertThat(answer.status()).isEqualTo(201);
        String trackingNumber = answer.json().get("trackingNumber").asString();
        assertThat(trackingNumber).startsWith("BYS-");
        topics.awaitType(ReportEvents.SUBMITTED.type(), json -> json.contains(trackingNumber), WAIT);
    }

    @Test
    void coordinatesAreResolvedToADistrictUnlessOneIsGiven() {
        Answer resolved = post("/api/v1/reports", """
                {"jurisdiction":"bandung","type":"ADUAN","serviceCode":"lampu-jalan","description":"Lampu mati di Dago",
                 "location":{"latitude":-6.8851,"longitude":107.6135}}""", as(APP));
        Answer given = post("/api/v1/reports", """
                {"jurisdiction":"bandung","type":"ADUAN","serviceCode":"lampu-jalan","description":"Lampu mati",
                 "location":{"latitude":-6.8851,"longitude":107.6135,"districtCode":"cidadap","villageCode":"ciumbuleuit"}}""",
                as(APP));

        assertThat(get(resolved.header("Location")).json().get("place").get("districtCode").asString())
                .isEqualTo("coblong");
        JsonNode place = get(given.header("Location")).json().get("place");
        assertThat(place.get("districtCode").asString()).isEqualTo("cidadap");
        assertThat(place.get("villageCode").asString()).isEqualTo("ciumbuleuit");
    }

    @Test
    void concurrentSubmissionsGetDistinctTrackingNumbersAndConcurrentRetriesOneReport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> distinct = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                double[] spot = freshSpotInMimika();
                String body = reportJson("Paralel " + UUID.randomUUID(), spot[0], spot[1], "null");
                distinct.add(pool.submit(() -> post("/api/v1/reports", body, as(APP))));
            }
            String key = UUID.randomUUID().toString();
            double[] spot = freshSpotInMimika();
            String sameBody = reportJson("Sekali saja " + key, spot[0], spot[1], "null");
            List<Future<Answer>> retries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                retries.add(pool.submit(() -> post("/api/v1/reports", sameBody, with(as(APP), "Idempotency-Key", key))));
            }

            Set<String> numbers = new HashSet<>();
            for (Future<Answer> answer : distinct) {
                numbers.add(answer.get().json().get("trackingNumber").asString());
            }
            assertThat(numbers).hasSize(12);
            Set<String> retried = new HashSet<>();
            for (Future<Answer> answer : retries) {
                assertThat(answer.get().status()).isEqualTo(201);
                retried.add(answer.get().json().get("trackingNumber").asString());
            }
            assertThat(retried).hasSize(1);
            assertThat(mongo.getCollection("reports").countDocuments(new Document("description", "Sekali saja " + key)))
                    .isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }
}
