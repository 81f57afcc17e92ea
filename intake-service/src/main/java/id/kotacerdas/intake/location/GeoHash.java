package id.kotacerdas.intake.location;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Geohash cells: the coarse, indexable key that stands in for geo queries, which the embedded store lacks.
 * Candidates are fetched by cell and filtered by exact distance in Java.
 */
public final class GeoHash {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    /** The precisions stored on each report; a query picks the finest whose cells are wider than its radius. */
    public static final List<Integer> STORED_PRECISIONS = List.of(4, 5, 6, 7);

    private GeoHash() {
    }

    public static String encode(double latitude, double longitude, int precision) {
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        StringBuilder hash = new StringBuilder(precision);
        boolean evenBit = true;
        int bit = 0;
        int index = 0;
        while (hash.length() < precision) {
            double[] range = evenBit ? lon : lat;
            double value = evenBit ? longitude : latitude;
            double mid = (range[0] + range[1]) / 2;
            index <<= 1;
            if (value >= mid) {
                index |= 1;
                range[0] = mid;
            } else {
                range[1] = mid;
            }
            evenBit = !evenBit;
            if (++bit == 5) {
                hash.append(BASE32.charAt(index));
                bit = 0;
                index = 0;
            }
        }
        return hash.toString();
    }

    /** The cells of every stored precision containing the point, e.g. {@code [qqgx, qqgxy, ...]}. */
    public static List<String> cellsOf(double latitude, double longitude) {
        return STORED_PRECISIONS.stream().map(p -> encode(latitude, longitude, p)).toList();
    }

    /** The cell containing the point and its eight neighbours, at a precision whose cells are at least {@code radiusMeters} wide. */
    public static Set<String> cellsAround(double latitude, double longitude, double radiusMeters) {
        int precision = precisionFor(radiusMeters);
        double latStep = cellHeightDegrees(precision);
        double lonStep = cellWidthDegrees(precision);
        Set<String> cells = new LinkedHashSet<>();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                cells.add(encode(clamp(latitude + dy * latStep, -90, 90), wrap(longitude + dx * lonStep), precision));
            }
        }
        return cells;
    }

    /** Whether a radius is small enough for the 3x3 cell neighbourhood of some stored precision. */
    public static boolean coversRadius(double radiusMeters) {
        return minimumCellSizeMeters(STORED_PRECISIONS.get(0)) >= radiusMeters;
    }

    static int precisionFor(double radiusMeters) {
        for (int i = STORED_PRECISIONS.size() - 1; i >= 0; i--) {
            int precision = STORED_PRECISIONS.get(i);
            if (minimumCellSizeMeters(precision) >= radiusMeters) {
                return precision;
            }
        }
        return STORED_PRECISIONS.get(0);
    }

    private static double minimumCellSizeMeters(int precision) {
        // near the equator (all of Indonesia) a degree of longitude is ~110 km, as is one of latitude
        return Math.min(cellHeightDegrees(precision), cellWidthDegrees(precision)) * 110_000;
    }

    private static double cellWidthDegrees(int precision) {
        int lonBits = (5 * precision + 1) / 2;
        return 360.0 / (1L << lonBits);
    }

    private static double cellHeightDegrees(int precision) {
        int latBits = (5 * precision) / 2;
        return 180.0 / (1L << latBits);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double wrap(double longitude) {
        return longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
    }
}
