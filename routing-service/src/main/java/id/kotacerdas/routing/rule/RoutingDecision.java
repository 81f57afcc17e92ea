package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.routing.agency.Agency;

/** Which agency gets a report, with what priority, and which rule (id and version) said so. */
public record RoutingDecision(Agency agency, String ruleId, int ruleVersion, Priority priority) {
}
