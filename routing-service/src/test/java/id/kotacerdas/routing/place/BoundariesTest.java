package id.kotacerdas.routing.place;

import id.kotacerdas.routing.config.RoutingProperties;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundariesTest {

    final Boundaries boundaries = new Boundaries(new Jurisdictions(new RoutingProperties(false, Map.of(
            "mimika", new RoutingProperties.JurisdictionSettings("Kabupaten Mimika", "Asia/Jayapura", "MMK", null),
            "bandung", new RoutingProperties.JurisdictionSettings("Kota Bandung", "Asia/Jakarta", "BDG", null)),
            null, null, null)));

    @Test
    void aPointGetsItsDistrictAndVillage() {
        assertThat(boundaries.locate("bandung", -6.878, 107.613)).contains(new Location("coblong", "coblong.dago"));
        assertThat(boundaries.locate("mimika", -4.55, 136.95)).contains(new Location("mimika-baru", "mimika-baru.timika-jaya"));
        assertThat(boundaries.locate("mimika", -4.45, 136.70)).contains(new Location("kuala-kencana", "kuala-kencana.kuala-kencana"));
    }

    @Test
    void aPointOutsideEveryDistrictOrInAnotherJurisdictionIsNotLocated() {
        assertThat(boundaries.locate("bandung", -4.55, 136.95)).isEmpty();
        assertThat(boundaries.locate("mimika", -6.878, 107.613)).isEmpty();
        assertThat(boundaries.locate("banyuasin", -2.8, 104.6)).isEmpty();
    }
}
