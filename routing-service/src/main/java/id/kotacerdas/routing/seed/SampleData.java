package id.kotacerdas.routing.seed;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDetails;
import id.kotacerdas.routing.agency.AgencyRepository;
import id.kotacerdas.routing.agency.Contact;
import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.routing.rule.RoutingRule;
import id.kotacerdas.routing.rule.RoutingRules;
import id.kotacerdas.routing.rule.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Loads the SAMPLE agencies (Mimika, Banyuasin, Bandung) and their version-1 routing rules when they are
 * missing, before the report listener starts. Existing documents are never overwritten, so operators'
 * changes survive restarts; several instances seeding at once just meet on the unique keys.
 */
@Component
public class SampleData implements InitializingBean {

    static final String SEEDED_BY = "seed";
    private static final Logger log = LoggerFactory.getLogger(SampleData.class);

    private final RoutingProperties properties;
    private final AgencyRepository agencies;
    private final RoutingRules rules;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public SampleData(RoutingProperties properties, AgencyRepository agencies, RoutingRules rules, Clock clock) {
        this.properties = properties;
        this.agencies = agencies;
        this.rules = rules;
        this.clock = clock;
    }

    record AgencySeed(String id, String jurisdictionId, String name, Contact head, List<Contact> contacts,
                      String workingHours, List<String> categories, List<String> districtCodes, boolean operatorDesk) {
    }

    record RuleSeed(String ruleId, String jurisdictionId, int position, RuleMatch match, String agencyId,
                    Priority priority) {
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.seedSampleData()) {
            return;
        }
        int added = 0;
        for (JsonNode node : read("seed/agencies.json").get("agencies")) {
            AgencySeed seed = json.treeToValue(node, AgencySeed.class);
            if (agencies.existsById(seed.id())) {
                continue;
            }
            try {
                agencies.insert(new Agency(seed.id(), seed.jurisdictionId(), new AgencyDetails(seed.name(), seed.head(),
                        seed.contacts(), seed.workingHours(), seed.categories(), seed.districtCodes(),
                        seed.operatorDesk()), true, SEEDED_BY, clock.instant()));
                added++;
            } catch (DuplicateKeyException seededConcurrently) {
                log.debug("Agency {} seeded by another instance", seed.id());
            }
        }
        for (JsonNode node : read("seed/routing-rules.json").get("rules")) {
            RuleSeed seed = json.treeToValue(node, RuleSeed.class);
            rules.seed(new RoutingRule(RoutingRule.idOf(seed.ruleId(), 1), seed.ruleId(), 1, seed.jurisdictionId(),
                    seed.position(), seed.match() == null ? RuleMatch.everything() : seed.match(), seed.agencyId(),
                    seed.priority(), true, false, true, SEEDED_BY, clock.instant()));
        }
        log.info("Sample data checked: {} sample agencies added", added);
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
