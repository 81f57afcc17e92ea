package id.kotacerdas.intake.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.kotacerdas.intake.IntakeServiceTest;
import tools.jackson.databind.JsonNode;

class ServiceCatalogueTest extends IntakeServiceTest {

    @Autowired
    ServiceCatalogue catalogue;

    @Test
    void everyPilotJurisdictionIsSeededAndOnlyBandungHasUrgentHomeCare() {
        List<String> mimika = codes(get("/api/v1/jurisdictions/mimika/services").json());
        List<String> bandung = codes(get("/api/v1/jurisdictions/bandung/services").json());
        List<String> banyuasin = codes(get("/api/v1/jurisdictions/banyuasin/services").json());

        assertThat(mimika).contains("jalan-rusak", "drainase", "lampu-jalan", "sampah", "air-bersih", "listrik",
                "kesehatan", "pendidikan", "adminduk", "ketertiban", "lainnya").doesNotContain("layad-rawat");
        assertThat(banyuasin).containsExactlyInAnyOrderElementsOf(mimika);
        assertThat(bandung).contains("layad-rawat");
        JsonNode homeCare = get("/api/v1/jurisdictions/bandung/services/layad-rawat").json();
        assertThat(homeCare.get("urgent").asBoolean()).isTrue();
        assertThat(homeCare.get("group").asString()).isEqualTo("layanan-kesehatan");
        assertThat(get("/api/v1/jurisdictions/atlantis/services").status()).isEqualTo(404);
        JsonNode jurisdictions = get("/api/v1/jurisdictions").json();
        assertThat(jurisdictions.get(0).get("zone").asString()).isEqualTo("Asia/Jayapura");
    }

    @Test
    void categoriesAreFoundByKeywordOrGuessedFromFreeText() {
        assertThat(catalogue.byKeyword("mimika", "JALAN")).map(CatalogueEntry::code).contains("jalan-rusak");
        assertThat(catalogue.byKeyword("mimika", "pdam")).map(CatalogueEntry::code).contains("air-bersih");
        assertThat(catalogue.guess("banyuasin", "Sampah menumpuk di depan pasar, TPS penuh").code())
                .isEqualTo("sampah");
        assertThat(catalogue.guess("banyuasin", "Tolong bantu kami").code()).isEqualTo("lainnya");
    }

    private static List<String> codes(JsonNode services) {
        List<String> codes = new ArrayList<>();
        services.forEach(s -> codes.add(s.get("code").asString()));
        return codes;
    }
}
