package id.kotacerdas.intake.jurisdiction;

import java.time.ZoneId;

/**
 * A regency or city the platform serves. Tracking numbers start with {@code trackingPrefix}; dates and
 * deadlines are computed in {@code zone}.
 */
public record Jurisdiction(String id, String name, String province, ZoneId zone, String trackingPrefix,
                           BoundingBox boundingBox) {
}
