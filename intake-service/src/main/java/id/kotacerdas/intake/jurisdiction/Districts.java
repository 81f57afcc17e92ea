package id.kotacerdas.intake.jurisdiction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.kotacerdas.intake.location.Distance;

/**
 * Resolves coordinates to the nearest district of a jurisdiction. SAMPLE DATA: a few districts per pilot
 * region with approximate centre points (not official boundaries or Kemendagri codes); a district code given
 * by the caller always wins over this guess.
 */
@Component
public class Districts {

    private static final List<District> SAMPLE = List.of(
            new District("mimika", "mimika-baru", "Mimika Baru", -4.545, 136.885),
            new District("mimika", "kuala-kencana", "Kuala Kencana", -4.430, 136.850),
            new District("mimika", "wania", "Wania", -4.575, 136.930),
            new District("mimika", "kwamki-narama", "Kwamki Narama", -4.490, 136.930),
            new District("mimika", "mimika-timur", "Mimika Timur", -4.690, 137.050),
            new District("mimika", "tembagapura", "Tembagapura", -4.140, 137.090),
            new District("mimika", "agimuga", "Agimuga", -4.750, 137.600),
            new District("mimika", "mimika-barat", "Mimika Barat", -4.300, 136.300),
            new District("banyuasin", "banyuasin-iii", "Banyuasin III (Pangkalan Balai)", -2.880, 104.390),
            new District("banyuasin", "talang-kelapa", "Talang Kelapa", -2.880, 104.650),
            new District("banyuasin", "betung", "Betung", -2.960, 104.200),
            new District("banyuasin", "banyuasin-i", "Banyuasin I (Mariana)", -2.930, 104.870),
            new District("banyuasin", "rambutan", "Rambutan", -3.080, 104.870),
            new District("banyuasin", "muara-padang", "Muara Padang", -2.350, 104.850),
            new District("bandung", "coblong", "Coblong", -6.885, 107.615),
            new District("bandung", "sukajadi", "Sukajadi", -6.880, 107.590),
            new District("bandung", "cicendo", "Cicendo", -6.905, 107.585),
            new District("bandung", "bandung-wetan", "Bandung Wetan", -6.905, 107.615),
            new District("bandung", "sumur-bandung", "Sumur Bandung", -6.917, 107.610),
            new District("bandung", "lengkong", "Lengkong", -6.932, 107.622),
            new District("bandung", "kiaracondong", "Kiaracondong", -6.925, 107.645),
            new District("bandung", "antapani", "Antapani", -6.915, 107.660),
            new District("bandung", "bojongloa-kaler", "Bojongloa Kaler", -6.930, 107.590),
            new District("bandung", "cibiru", "Cibiru", -6.930, 107.720));

    public List<District> of(String jurisdictionId) {
        return SAMPLE.stream().filter(d -> d.jurisdictionId().equals(jurisdictionId)).toList();
    }

    public Optional<District> nearest(String jurisdictionId, double latitude, double longitude) {
        return of(jurisdictionId).stream().min(Comparator.comparingDouble(
                d -> Distance.meters(latitude, longitude, d.latitude(), d.longitude())));
    }
}
