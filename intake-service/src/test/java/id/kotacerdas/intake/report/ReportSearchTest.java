package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.kotacerdas.intake.IntakeServiceTest;
import tools.jackson.databind.JsonNode;

class ReportSearchTest extends IntakeServiceTest {

    @Test
    void aConfidentialReportIsNeverListedAndShownOnlyWithItsToken() {
        double[] spot = freshSpotInMimika();
        String marker = "Rahasia " + UUID.randomUUID();
        Answer answer = post("/api/v1/reports", """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"ketertiban","description":"%s",
                 "location":{"latitude":%s,"longitude":%s},"confidential":true}""".formatted(marker, spot[0], spot[1]),
                as(APP));
        String trackingNumber = answer.json().get("trackingNumber").asString();
        String token = answer.json().get("reporterToken").asString();

        assertThat(get("/api/v1/reports/" + trackingNumber).status()).isEqualTo(404);
        assertThat(get("/api/v1/reports/" + trackingNumber, "X-Reporter-Token", "wrong").status()).isEqualTo(404);
        Answer withToken = get("/api/v1/reports/" + trackingNumber, "X-Reporter-Token", token);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.json().get("description").asString()).isEqualTo(marker);

        String photoUrl = "/api/v1/reports/" + trackingNumber + "/photos/1";
        assertThat(get(photoUrl).status()).isEqualTo(404);

        String everything = get("/api/v1/reports?jurisdiction=mimika&serviceCode=ketertiban&size=100").text();
        String near = get("/api/v1/reports?lat=%s&lon=%s&radius=100".formatted(spot[0], spot[1])).text();
        assertThat(everything).doesNotContain(trackingNumber);
        assertThat(near).doesNotContain(trackingNumber);
    }

    @Test
    void searchFiltersByJurisdictionCategoryStatusAndDistance() {
        double[] spot = freshSpotInMimika();
        String near = submitAt("sampah", spot[0], spot[1]);
        String alsoNear = submitAt("sampah", spot[0] + 0.003, spot[1]); // ~330 m north
        String far = submitAt("sampah", spot[0] + 0.05, spot[1]);       // ~5.5 km north
        String otherCategory = submitAt("drainase", spot[0], spot[1]);

        JsonNode within500m = get("/api/v1/reports?jurisdiction=mimika&serviceCode=sampah&status=SUBMITTED&lat=%s&lon=%s&radius=500"
                .formatted(spot[0], spot[1])).json();
        assertThat(trackingNumbers(within500m)).contains(near, alsoNear).doesNotContain(far, otherCategory);

        JsonNode within100m = get("/api/v1/reports?lat=%s&lon=%s&radius=100".formatted(spot[0], spot[1])).json();
        assertThat(trackingNumbers(within100m)).contains(near, otherCategory).doesNotContain(alsoNear, far);

        JsonNode pageOfOne = get("/api/v1/reports?jurisdiction=mimika&size=1&page=0").json();
        assertThat(pageOfOne.get("items")).hasSize(1);
        assertThat(pageOfOne.get("total").asLong()).isGreaterThanOrEqualTo(4);

        assertThat(get("/api/v1/reports?jurisdiction=mimika&status=CLOSED&from=2020-01-01&to=2020-12-31")
                .json().get("total").asLong()).isZero();
    }

    @Test
    void searchRefusesAnUnknownJurisdictionAndBadDates() {
        Answer unknown = get("/api/v1/reports?jurisdiction=atlantis");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("jurisdiction");
        Answer badDate = get("/api/v1/reports?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    private String submitAt(String serviceCode, double lat, double lon) {
        Answer answer = post("/api/v1/reports", """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"%s","description":"Laporan %s",
                 "location":{"latitude":%s,"longitude":%s}}""".formatted(serviceCode, UUID.randomUUID(), lat, lon),
                as(APP));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("trackingNumber").asString();
    }

    private static List<String> trackingNumbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("trackingNumber").asString()));
        return numbers;
    }
}
