package id.kotacerdas.routing.place;

/** The district and (when known) village a point lies in. */
public record Location(String districtCode, String villageCode) {
}
