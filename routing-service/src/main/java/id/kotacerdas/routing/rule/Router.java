package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Optional;

/**
 * Picks an agency: the first rule in force, in order, whose conditions hold and whose agency is active, serves
 * the report's district, and is not excluded (agencies that already said "not our responsibility");
 * otherwise the operator desk.
 */
@Component
public class Router {

    /** Named in {@code ReportRouted} when no rule matched and the desk took the report. */
    public static final String DESK_FALLBACK_RULE = "default-desk";

    private final RoutingRules rules;
    private final AgencyDirectory agencies;

    public Router(RoutingRules rules, AgencyDirectory agencies) {
        this.rules = rules;
        this.agencies = agencies;
    }

    /** An agency with an area (district codes) only takes reports from inside it; without one it serves everywhere. */
    static boolean serves(Agency agency, String districtCode) {
        return agency.districtCodes().isEmpty() || agency.districtCodes().contains(districtCode);
    }

    public RoutingDecision route(ReportFacts facts, Collection<String> excludedAgencies) {
        for (RoutingRule rule : rules.inForce(facts.jurisdictionId())) {
            if (!rule.matches(facts) || excludedAgencies.contains(rule.agencyId())) {
                continue;
            }
            Optional<Agency> agency = agencies.findActiveForRouting(rule.agencyId()).filter(a -> serves(a, facts.districtCode()));
            if (agency.isPresent()) {
                return new RoutingDecision(agency.get(), rule.ruleId(), rule.version(), rule.priority());
            }
        }
        Agency desk = agencies.desk(facts.jurisdictionId()).orElseThrow(() -> new IllegalStateException(
                "Jurisdiction " + facts.jurisdictionId() + " has no operator desk: cannot route"));
        return new RoutingDecision(desk, DESK_FALLBACK_RULE, 0, Priority.NORMAL);
    }
}
