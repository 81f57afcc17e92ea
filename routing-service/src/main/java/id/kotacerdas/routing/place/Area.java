package id.kotacerdas.routing.place;

/** A district or village as published to clients (no geometry). */
public record Area(String code, String name, String kind, String districtCode) {
}
