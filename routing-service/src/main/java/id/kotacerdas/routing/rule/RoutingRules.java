package id.kotacerdas.routing.rule;

import id.kotacerdas.routing.RecentReads;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * Routing rules as versioned data. A change inserts the next version (its id {@code ruleId@version} is
 * unique, so two concurrent changes cannot both win) and then supersedes the previous one; it affects
 * reports routed from then on only. Every report is routed against the rules in force, so they are kept in memory
 * for a moment ({@code kotacerdas.routing.rules-cache-ttl}): a change made on this instance applies to the next
 * report at once, one made on another instance within that time.
 */
@Service
public class RoutingRules {

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

    private final MongoTemplate mongo;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final RecentReads<String, List<RoutingRule>> recentRules;

    public RoutingRules(MongoTemplate mongo, AgencyDirectory agencies, Jurisdictions jurisdictions, Clock clock,
                        @Value("${kotacerdas.routing.rules-cache-ttl:2s}") Duration cacheTtl) {
        this.mongo = mongo;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.recentRules = new RecentReads<>(cacheTtl);
    }

    /** The rules in force in a jurisdiction, in the order they are tried. */
    public List<RoutingRule> inForce(String jurisdictionId) {
        return recentRules.get(jurisdictionId, this::readInForce);
    }

    private List<RoutingRule> readInForce(String jurisdictionId) {
        Query query = Query.query(Criteria.where("jurisdictionId").is(jurisdictionId).and("current").is(true));
        return latestPerRule(mongo.find(query, RoutingRule.class)).stream().filter(rule -> !rule.retired())
                .sorted(Comparator.comparingInt(RoutingRule::position).thenComparing(RoutingRule::ruleId)).toList();
    }

    /** Current versions, retired ones included, for the operator's list. */
    public List<RoutingRule> list(String jurisdictionId) {
        Criteria criteria = Criteria.where("current").is(true);
        if (jurisdictionId != null) {
            criteria = criteria.and("jurisdictionId").is(jurisdictionId);
        }
        return latestPerRule(mongo.find(Query.query(criteria), RoutingRule.class)).stream()
                .sorted(Comparator.comparing(RoutingRule::jurisdictionId).thenComparingInt(RoutingRule::position)
                        .thenComparing(RoutingRule::ruleId)).toList();
    }

    public RoutingRule current(String ruleId) {
        return history(ruleId).stream().max(Comparator.comparingInt(RoutingRule::version))
                .orElseThrow(() -> new NotFoundException("No routing rule " + ruleId));
    }

    public List<RoutingRule> history(String ruleId) {
        return mongo.find(Query.query(Criteria.where("ruleId").is(ruleId)).with(Sort.by("version")), RoutingRule.class);
    }

    public RoutingRule create(NewRule request, String changedBy) {
        jurisdictions.require(request.jurisdictionId(), "jurisdictionId");
        validateTarget(request.jurisdictionId(), request.definition());
        if (!history(request.ruleId()).isEmpty()) {
            throw new ConflictException("Routing rule " + request.ruleId() + " already exists");
        }
        RoutingRule rule = version(request.ruleId(), 1, request.jurisdictionId(), request.definition(), false, false,
                changedBy);
        mongo.insert(rule);
        recentRules.changed();
        log.info("Routing rule {} version 1 created by {}", rule.ruleId(), changedBy);
        return rule;
    }

    public RoutingRule change(String ruleId, RuleChange change, String changedBy) {
        RoutingRule previous = current(ruleId);
        validateTarget(previous.jurisdictionId(), change.definition());
        return supersede(previous, change.expectedVersion(), change.definition(), false, changedBy);
    }

    public RoutingRule retire(String ruleId, int expectedVersion, String changedBy) {
        RoutingRule previous = current(ruleId);
        if (previous.retired()) {
            throw new ConflictException("Routing rule " + ruleId + " is already retired");
        }
        RuleDefinition same = new RuleDefinition(previous.position(), previous.match(), previous.agencyId(),
                previous.priority());
        return supersede(previous, expectedVersion, same, true, changedBy);
    }

    /** Loads the seed rules once: version 1 of each rule that does not exist yet. */
    public void seed(RoutingRule rule) {
        try {
            mongo.insert(rule);
            recentRules.changed();
        } catch (DuplicateKeyException alreadySeeded) {
            log.debug("Routing rule {} already present", rule.id());
        }
    }

    private RoutingRule supersede(RoutingRule previous, int expectedVersion, RuleDefinition definition, boolean retired,
                                  String changedBy) {
        if (previous.version() != expectedVersion) {
            throw new ConflictException("Routing rule " + previous.ruleId() + " is at version " + previous.version()
                    + ", not " + expectedVersion);
        }
        RoutingRule next = version(previous.ruleId(), previous.version() + 1, previous.jurisdictionId(), definition,
                retired, previous.sampleData(), changedBy);
        try {
            mongo.insert(next);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Routing rule " + previous.ruleId() + " was changed concurrently; reload and retry");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(previous.id())), Update.update("current", false),
                RoutingRule.class);
        recentRules.changed();
        log.info("Routing rule {} version {} {} by {}", next.ruleId(), next.version(), retired ? "retired" : "saved",
                changedBy);
        return next;
    }

    private RoutingRule version(String ruleId, int version, String jurisdictionId, RuleDefinition definition,
                                boolean retired, boolean sampleData, String changedBy) {
        RuleMatch match = definition.match() == null ? RuleMatch.everything() : definition.match();
        return new RoutingRule(RoutingRule.idOf(ruleId, version), ruleId, version, jurisdictionId, definition.position(),
                match, definition.agencyId(), definition.priority(), true, retired, sampleData, changedBy,
                clock.instant());
    }

    private void validateTarget(String jurisdictionId, RuleDefinition definition) {
        Agency agency = agencies.find(definition.agencyId())
                .orElseThrow(() -> new InvalidInputException("definition.agencyId", "is not a known agency"));
        if (!agency.jurisdictionId().equals(jurisdictionId)) {
            throw new InvalidInputException("definition.agencyId", "belongs to another jurisdiction");
        }
        if (agency.retired()) {
            throw new InvalidInputException("definition.agencyId", "is retired");
        }
    }

    /** Between inserting a new version and superseding the old one, both look current: the newer wins. */
    private static List<RoutingRule> latestPerRule(List<RoutingRule> rules) {
        BinaryOperator<RoutingRule> newer = (a, b) -> a.version() >= b.version() ? a : b;
        Map<String, RoutingRule> latest = rules.stream().collect(Collectors.toMap(RoutingRule::ruleId, r -> r, newer));
        return List.copyOf(latest.values());
    }
}
