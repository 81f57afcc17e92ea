package id.kotacerdas.intake.jurisdiction;

/** A district (kecamatan) and an approximate centre point used to resolve coordinates to it. */
public record District(String jurisdictionId, String code, String name, double latitude, double longitude) {
}
