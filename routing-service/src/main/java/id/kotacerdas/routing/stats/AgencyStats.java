package id.kotacerdas.routing.stats;

import java.time.LocalDate;

public record AgencyStats(String agencyId, String agencyName, String jurisdictionId, LocalDate from, LocalDate to,
                          AssignmentStats stats) {
}
