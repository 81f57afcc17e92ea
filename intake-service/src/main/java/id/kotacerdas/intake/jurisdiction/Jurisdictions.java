package id.kotacerdas.intake.jurisdiction;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The jurisdictions this deployment serves (sample data for the three pilot regions). */
@Component
public class Jurisdictions {

    private static final List<Jurisdiction> ALL = List.of(
            new Jurisdiction("mimika", "Kabupaten Mimika", "Papua Tengah", ZoneId.of("Asia/Jayapura"), "MMK",
                    new BoundingBox(-5.2, -3.9, 136.0, 138.2)),
            new Jurisdiction("banyuasin", "Kabupaten Banyuasin", "Sumatera Selatan", ZoneId.of("Asia/Jakarta"), "BYS",
                    new BoundingBox(-3.3, -1.5, 104.0, 105.4)),
            new Jurisdiction("bandung", "Kota Bandung", "Jawa Barat", ZoneId.of("Asia/Jakarta"), "BDG",
                    new BoundingBox(-7.0, -6.8, 107.5, 107.75)));

    public List<Jurisdiction> all() {
        return ALL;
    }

    public Optional<Jurisdiction> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return ALL.stream().filter(j -> j.id().equals(id)).findFirst();
    }
}
