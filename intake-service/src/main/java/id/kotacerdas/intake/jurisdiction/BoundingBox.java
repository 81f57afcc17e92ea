package id.kotacerdas.intake.jurisdiction;

/** An approximate rectangle around a jurisdiction: enough to reject coordinates that are clearly elsewhere. */
public record BoundingBox(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

    public boolean contains(double latitude, double longitude) {
        return latitude >= minLatitude && latitude <= maxLatitude
                && longitude >= minLongitude && longitude <= maxLongitude;
    }
}
