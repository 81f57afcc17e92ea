package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.assignment.Priority;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One version of a routing rule. Versions are never changed: a change writes the next version and marks
 * the previous one as superseded, so every past routing decision ({@code ruleId}, {@code ruleVersion})
 * stays explainable, and the audit trail says who changed what when.
 */
@Document("routing_rules")
public record RoutingRule(
        @Id String id,
        @Indexed String ruleId,
        int version,
        @Indexed String jurisdictionId,
        int position,
        RuleMatch match,
        String agencyId,
        Priority priority,
        boolean current,
        boolean retired,
        boolean sampleData,
        String changedBy,
        Instant changedAt) {

    public static String idOf(String ruleId, int version) {
        return ruleId + "@" + version;
    }

    public boolean matches(ReportFacts facts) {
        return !retired && match.matches(facts);
    }
}
