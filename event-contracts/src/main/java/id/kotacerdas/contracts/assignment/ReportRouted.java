package id.kotacerdas.contracts.assignment;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/**
 * A report was assigned to an agency. {@code ruleId}/{@code ruleVersion} name the routing rule that
 * matched, so that every routing decision can be explained.
 */
public record ReportRouted(
        String assignmentId,
        String reportId,
        String trackingNumber,
        String jurisdictionId,
        String agencyId,
        String agencyName,
        String ruleId,
        int ruleVersion,
        Priority priority,
        String districtCode,
        Instant acknowledgeBy,
        Instant resolveBy,
        Instant routedAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
