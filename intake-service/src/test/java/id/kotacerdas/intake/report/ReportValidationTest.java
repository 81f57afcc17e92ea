package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.kotacerdas.intake.IntakeServiceTest;
import tools.jackson.databind.JsonNode;

/** Bad input: problem+json naming each bad field, and nothing stored. */
class ReportValidationTest extends IntakeServiceTest {

    @Test
    void anUnknownCategoryIsRefused() {
        assertRefused(body("mimika", "parkir-pesawat", "-4.55", "136.88", "ok"), "serviceCode");
    }

    @Test
    void coordinatesOutsideTheJurisdictionAreRefused() {
        // Bandung coordinates in a Mimika report
        assertRefused(body("mimika", "sampah", "-6.9", "107.6", "ok"), "location.latitude", "location.longitude");
    }

    @Test
    void aDescriptionLongerThan4000CharactersIsRefused() {
        assertRefused(body("mimika", "sampah", "-4.55", "136.88", "x".repeat(4001)), "description");
    }

    @Test
    void aDescriptionWithBrokenUnicodeOrControlCharactersIsRefused() {
        assertRefused(body("mimika", "sampah", "-4.55", "136.88", "\\ud800 lone surrogate"), "description");
        assertRefused(body("mimika", "sampah", "-4.55", "136.88", "bell \\u0007"), "description");
    }

    @Test
    void anEmailWithDirectionControlOrCombiningCharactersIsRefused() {
        for (String email : new String[] {"warga\\u202e@example.id", "warga@exa\\u0301mple.id"}) {
            assertRefused("""
                    {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"sampah","description":"ok",
                     "location":{"latitude":-4.55,"longitude":136.88},"reporter":{"email":"%s"}}""".formatted(email),
                    "reporter.email");
        }
    }

    @Test
    void anUnknownJurisdictionIsRefused() {
        assertRefused(body("atlantis", "sampah", "-4.55", "136.88", "ok"), "jurisdiction");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String marker = UUID.randomUUID().toString();
        assertRefused("""
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"nope","description":"%s",
                 "location":{"latitude":1.0,"longitude":1.0},
                 "reporter":{"phone":"12345","email":"not-an-email"}}""".formatted(marker),
                "serviceCode", "location.latitude", "reporter.phone", "reporter.email");
    }

    @Test
    void operatorInjectionInAnyFieldIsRefusedByTheTypedBody() {
        for (String injected : List.of(
                """
                {"jurisdiction":{"$gt":""},"type":"ADUAN","serviceCode":"sampah","description":"x"}""",
                """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":{"$ne":null},"description":"x"}""",
                """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"sampah","description":{"$gt":""}}""",
                """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"sampah","description":"x",
                 "reporter":{"phone":{"$gt":""}}}""",
                """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"sampah","description":"x",
                 "location":{"latitude":{"$gt":0},"longitude":136.8}}""")) {
            long before = mongo.getCollection("reports").countDocuments();
            Answer answer = post("/api/v1/reports", injected, as(APP));
            assertThat(answer.status()).as(injected).isEqualTo(400);
            assertThat(answer.header("Content-Type")).contains("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isNotBlank();
            assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(before);
        }
    }

    @Test
    void searchParametersCannotCarryOperators() {
        Answer answer = get("/api/v1/reports?jurisdiction%5B%24ne%5D=x&status=%7B%22%24gt%22:%22%22%7D");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        Answer answer = post("/api/v1/reports", body("mimika", "sampah", "-4.55", "136.88", "x".repeat(70_000)),
                as(APP));
        assertThat(answer.status()).isEqualTo(413);
    }

    private void assertRefused(String json, String... fields) {
        long before = mongo.getCollection("reports").countDocuments();
        Answer answer = post("/api/v1/reports", json, as(APP));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        List<String> named = new ArrayList<>();
        for (JsonNode error : answer.json().get("errors")) {
            named.add(error.get("field").asString());
        }
        assertThat(named).contains(fields);
        assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(before);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("description", "ok"))).isZero();
    }

    private static String body(String jurisdiction, String serviceCode, String lat, String lon, String description) {
        return """
                {"jurisdiction":"%s","type":"ADUAN","serviceCode":"%s","description":"%s",
                 "location":{"latitude":%s,"longitude":%s}}""".formatted(jurisdiction, serviceCode, description, lat, lon);
    }
}
