package id.kotacerdas.routing.stats;

import java.time.LocalDate;
import java.util.List;

public record JurisdictionStats(String jurisdictionId, LocalDate from, LocalDate to, AssignmentStats total,
                                List<AgencyStats> agencies) {
}
