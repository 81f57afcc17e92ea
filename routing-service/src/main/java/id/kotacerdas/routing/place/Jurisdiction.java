package id.kotacerdas.routing.place;

import java.time.ZoneId;
import java.util.Map;

/** A regency or city the platform serves, with the time zone its working days and deadlines follow. */
public record Jurisdiction(String id, String name, ZoneId zone, String trackingPrefix) {

    private static final Map<String, String> ZONE_LABELS = Map.of(
            "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    /** WIB, WITA or WIT, as people in Indonesia write times; the zone id elsewhere. */
    public String zoneLabel() {
        return ZONE_LABELS.getOrDefault(zone.getId(), zone.getId());
    }
}
