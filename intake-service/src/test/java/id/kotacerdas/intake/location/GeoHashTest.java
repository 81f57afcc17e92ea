package id.kotacerdas.intake.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeoHashTest {

    @Test
    void encodesLikeTheReferenceImplementation() {
        // reference value for 57.64911, 10.40744 (geohash.org example)
        assertThat(GeoHash.encode(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
    }

    @Test
    void pointsWithinTheRadiusShareACellOfTheNeighbourhood() {
        double lat = -4.5467;
        double lon = 136.8837;
        for (double[] offset : new double[][] {{0.0004, 0}, {-0.0004, 0}, {0, 0.0004}, {0, -0.0004}, {0.0003, 0.0003}}) {
            var around = GeoHash.cellsAround(lat, lon, 50);
            assertThat(GeoHash.cellsOf(lat + offset[0], lon + offset[1])).anyMatch(around::contains);
        }
        assertThat(Distance.meters(lat, lon, lat + 0.0004, lon)).isBetween(40.0, 50.0);
    }
}
