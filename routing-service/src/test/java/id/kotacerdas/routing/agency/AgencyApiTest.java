package id.kotacerdas.routing.agency;

import id.kotacerdas.routing.RoutingServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyApiTest extends RoutingServiceTestBase {

    @Test
    void sampleAgenciesAreSeededForTheThreeJurisdictionsAndLabelled() {
        for (String jurisdiction : List.of("mimika", "banyuasin", "bandung")) {
            JsonNode agencies = get("/api/v1/agencies?jurisdictionId=" + jurisdiction, operator()).body();
            assertThat(agencies.valueStream().map(a -> a.get("id").asString()))
                    .contains(jurisdiction + "-desk", jurisdiction + "-dinas-pupr", jurisdiction + "-pdam");
            assertThat(agencies.valueStream().filter(a -> "seed".equals(a.get("changedBy").asString())))
                    .hasSizeGreaterThanOrEqualTo(9).allMatch(a -> a.get("sampleData").asBoolean());
        }
        JsonNode pupr = get("/api/v1/agencies/mimika-dinas-pupr", staffOf("mimika-dlh")).body();
        assertThat(pupr.get("name").asString()).isEqualTo("Dinas PUPR Kabupaten Mimika");
        assertThat(pupr.get("workingHours").asString()).contains("WIT");
        assertThat(pupr.get("contacts").get(0).get("email").asString()).isNotBlank();
    }

    @Test
    void anOperatorCreatesChangesAndRetiresAnAgencyAndNoOneElseMay() {
        Map<String, Object> details = Map.of("name", "Dinas Perhubungan Kabupaten Mimika",
                "head", Map.of("name", "Kepala Dishub (contoh)", "email", "kepala@dishub.mimika.contoh.go.id"),
                "contacts", List.of(Map.of("email", "dishub@mimika.contoh.go.id", "phone", "+6281148099001")),
                "workingHours", "Senin-Jumat 08:00-16:00 WIT", "categories", List.of("lainnya"));
        Map<String, Object> request = Map.of("id", "mimika-dishub", "jurisdictionId", "mimika", "details", details);

        assertThat(post("/api/v1/agencies", request, staffOf("mimika-dlh")).status()).isEqualTo(403);
        Response created = post("/api/v1/agencies", request, operator());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("changedBy").asString()).isEqualTo("operator-1");
        assertThat(post("/api/v1/agencies", request, operator()).status()).isEqualTo(409);

        Response changed = put("/api/v1/agencies/mimika-dishub", Map.of("name", "Dinas Perhubungan Mimika",
                "contacts", List.of(Map.of("email", "baru@dishub.mimika.contoh.go.id"))), operator());
        assertThat(changed.body().get("name").asString()).isEqualTo("Dinas Perhubungan Mimika");
        assertThat(changed.body().get("version").asLong()).isGreaterThan(created.body().get("version").asLong());

        Response retired = delete("/api/v1/agencies/mimika-dishub", operator());
        assertThat(retired.body().get("retired").asBoolean()).isTrue();
        assertThat(put("/api/v1/agencies/mimika-dishub", Map.of("name", "x"), operator()).status()).isEqualTo(409);
    }

    @Test
    void badAgencyInputNamesTheFieldAndStoresNothing() {
        Response badPhone = post("/api/v1/agencies", Map.of("id", "bandung-dishub", "jurisdictionId", "bandung",
                "details", Map.of("name", "Dishub", "contacts", List.of(Map.of("phone", "call me")))), operator());
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().get("errors").get(0).get("field").asString()).isEqualTo("details.contacts[0].phone");
        Response wrongPrefix = post("/api/v1/agencies", Map.of("id", "mimika-dishub2", "jurisdictionId", "bandung",
                "details", Map.of("name", "Dishub")), operator());
        assertThat(wrongPrefix.status()).isEqualTo(400);
        assertThat(wrongPrefix.body().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(get("/api/v1/agencies/bandung-dishub", operator()).status()).isEqualTo(404);
        assertThat(get("/api/v1/agencies/mimika-dishub2", operator()).status()).isEqualTo(404);
    }

    @Test
    void districtsAndVillagesArePublicAndAPointIsLocated() {
        JsonNode areas = get("/api/v1/jurisdictions/mimika/areas").body();
        assertThat(areas.valueStream().map(a -> a.get("code").asString())).contains("mimika-baru", "mimika-baru.kwamki");
        JsonNode located = get("/api/v1/jurisdictions/bandung/locate?lat=-6.878&lon=107.613").body();
        assertThat(located.get("districtCode").asString()).isEqualTo("coblong");
        assertThat(located.get("villageCode").asString()).isEqualTo("coblong.dago");
        assertThat(get("/api/v1/jurisdictions/bandung/locate?lat=0&lon=0").status()).isEqualTo(404);
        assertThat(get("/api/v1/jurisdictions").body().valueStream().map(j -> j.get("zoneLabel").asString()))
                .contains("WIT", "WIB");
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
    }
}
