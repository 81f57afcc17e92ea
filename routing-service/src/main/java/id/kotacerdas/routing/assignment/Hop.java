package id.kotacerdas.routing.assignment;

import java.time.Instant;

/** A past stop of the report at one agency, kept when it moved on (re-routed, transferred). */
public record Hop(String assignmentId, String agencyId, String ruleId, int ruleVersion, Instant routedAt,
                  Instant endedAt, String outcome) {
}
