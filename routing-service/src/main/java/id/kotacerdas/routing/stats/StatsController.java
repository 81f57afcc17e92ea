package id.kotacerdas.routing.stats;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.place.Jurisdiction;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ForbiddenException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Stats over a date range ({@code from}/{@code to}, local dates, inclusive; default: the last 30 days). */
@RestController
public class StatsController {

    private final StatsService stats;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    public StatsController(StatsService stats, AgencyDirectory agencies, Jurisdictions jurisdictions, Clock clock) {
        this.stats = stats;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/agencies/{agencyId}/stats")
    public AgencyStats agency(Caller caller, @PathVariable String agencyId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        caller.requireAny(Role.AGENCY_STAFF, Role.OPERATOR);
        if (!caller.has(Role.OPERATOR) && !agencyId.equals(caller.agencyId())) {
            throw new ForbiddenException("Agency staff see only their own agency's stats");
        }
        Agency agency = agencies.require(agencyId);
        LocalDate end = to == null ? today(jurisdictions.require(agency.jurisdictionId(), "agencyId")) : to;
        return stats.forAgency(agency, from == null ? end.minusDays(30) : from, end);
    }

    @GetMapping("/api/v1/jurisdictions/{jurisdictionId}/stats")
    public JurisdictionStats jurisdiction(Caller caller, @PathVariable String jurisdictionId,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        caller.requireAny(Role.OPERATOR);
        LocalDate end = to == null ? today(jurisdictions.require(jurisdictionId, "jurisdictionId")) : to;
        return stats.forJurisdiction(jurisdictionId, from == null ? end.minusDays(30) : from, end);
    }

    private LocalDate today(Jurisdiction jurisdiction) {
        return LocalDate.ofInstant(clock.instant(), jurisdiction.zone());
    }
}
