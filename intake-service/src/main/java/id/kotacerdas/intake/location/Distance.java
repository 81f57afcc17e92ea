package id.kotacerdas.intake.location;

/** Great-circle distance on a spherical Earth: metre accuracy is plenty for "within 50 m". */
public final class Distance {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Distance() {
    }

    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Degrees of latitude spanning {@code meters}. */
    public static double latitudeDegrees(double meters) {
        return Math.toDegrees(meters / EARTH_RADIUS_METERS);
    }

    /** Degrees of longitude spanning {@code meters} at {@code latitude}. */
    public static double longitudeDegrees(double meters, double latitude) {
        return Math.toDegrees(meters / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(latitude))));
    }
}
