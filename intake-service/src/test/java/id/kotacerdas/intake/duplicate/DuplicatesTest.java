package id.kotacerdas.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.intake.IntakeServiceTest;
import tools.jackson.databind.JsonNode;

class DuplicatesTest extends IntakeServiceTest {

    @Test
    void anOpenReportOfTheSameCategoryWithin50MetresComesBackAsAPossibleDuplicate() {
        double[] spot = freshSpotInMimika();
        String original = submit("lampu-jalan", spot[0], spot[1]).get("trackingNumber").asString();
        String otherCategory = submit("sampah", spot[0], spot[1]).get("trackingNumber").asString();
        String tooFar = submit("lampu-jalan", spot[0] + 0.0009, spot[1]).get("trackingNumber").asString(); // ~100 m

        JsonNode second = submit("lampu-jalan", spot[0] + 0.0002, spot[1] + 0.0002); // ~31 m away

        List<String> candidates = new ArrayList<>();
        second.get("possibleDuplicates").forEach(d -> candidates.add(d.get("trackingNumber").asString()));
        assertThat(candidates).contains(original).doesNotContain(otherCategory, tooFar);
        assertThat(second.get("possibleDuplicates").get(0).get("distanceMeters").asInt()).isBetween(25, 40);
    }

    @Test
    void aReportNoLongerOpenIsNotOfferedAndTheClosestComesFirst() {
        double[] spot = freshSpotInMimika();
        String farther = submit("sampah", spot[0] + 0.0003, spot[1]).get("trackingNumber").asString(); // ~33 m
        String closer = submit("sampah", spot[0] + 0.0001, spot[1]).get("trackingNumber").asString(); // ~11 m
        String settled = submit("sampah", spot[0], spot[1]).get("trackingNumber").asString();
        assertThat(post("/api/v1/reports/" + settled + "/duplicate-of", "{\"duplicateOf\":\"" + closer + "\"}",
                as("agency-staff")).status()).isEqualTo(200);

        JsonNode next = submit("sampah", spot[0], spot[1]);

        List<String> candidates = new ArrayList<>();
        next.get("possibleDuplicates").forEach(d -> candidates.add(d.get("trackingNumber").asString()));
        assertThat(candidates).containsExactly(closer, farther);
        assertThat(next.get("possibleDuplicates").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(next.get("possibleDuplicates").get(0).get("submittedAt").asString()).isNotBlank();
    }

    @Test
    void aCitizenSupportsAnExistingReportOncePerSupporter() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        String path = "/api/v1/reports/" + trackingNumber + "/supporters";

        post(path, "{\"supporterRef\":\"user-17\"}", as(APP));
        post(path, "{\"supporterRef\":\"user-17\"}", as(APP));
        Answer third = post(path, "{\"supporterRef\":\"user-18\"}", as(APP));

        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("supportCount").asInt()).isEqualTo(2);
        assertThat(post(path, "{}").status()).isEqualTo(401);
    }

    @Test
    void staffMarkADuplicateAndCitizenAppsCannot() {
        String original = submitReport(REPORTER).get("trackingNumber").asString();
        String duplicate = submitReport(REPORTER).get("trackingNumber").asString();
        String path = "/api/v1/reports/" + duplicate + "/duplicate-of";
        String body = "{\"duplicateOf\":\"" + original + "\"}";

        assertThat(post(path, body, as(APP)).status()).isEqualTo(403);
        Answer marked = post(path, body, as("agency-staff"));

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(marked.json().get("duplicateOf").asString()).isEqualTo(original);
        String duplicateId = reportIdOf(duplicate);
        String originalId = reportIdOf(original);
        topics.awaitType(ReportEvents.MARKED_DUPLICATE.type(),
                json -> json.contains(duplicateId) && json.contains(originalId), WAIT);
        assertThat(post("/api/v1/reports/" + original + "/duplicate-of", "{\"duplicateOf\":\"" + original + "\"}",
                as("operator")).status()).isEqualTo(400);
    }

    private JsonNode submit(String serviceCode, double lat, double lon) {
        Answer answer = post("/api/v1/reports", """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"%s","description":"Laporan %s",
                 "location":{"latitude":%s,"longitude":%s}}""".formatted(serviceCode, UUID.randomUUID(), lat, lon),
                as(APP));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json();
    }
}
