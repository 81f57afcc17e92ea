package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.routing.RoutingServiceTestBase;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.assignment.Assignment;
import id.kotacerdas.routing.place.Jurisdictions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RoutingRuleApiTest extends RoutingServiceTestBase {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AgencyDirectory agencies;
    @Autowired
    Jurisdictions jurisdictions;
    @Autowired
    RoutingRules rules;

    @Test
    void aRuleChangeIsANewVersionWithWhoAndWhenAndAppliesToNewReportsOnly() {
        Map<String, Object> definition = Map.of("position", 5, "agencyId", "mimika-satpol-pp", "priority", "HIGH",
                "match", Map.of("districts", List.of("tembagapura"), "keywords", List.of("tambang")));
        Response created = post("/api/v1/routing-rules", Map.of("ruleId", "mimika-tembagapura-mining",
                "jurisdictionId", "mimika", "definition", definition), operator());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("changedBy").asString()).isEqualTo("operator-1");

        Assignment before = submitAndAwait(report("mimika", "lainnya", "Limbah tambang di sungai", district("tembagapura")));
        assertThat(before.agencyId()).isEqualTo("mimika-satpol-pp");
        assertThat(before.ruleId()).isEqualTo("mimika-tembagapura-mining");
        assertThat(before.ruleVersion()).isEqualTo(1);

        Map<String, Object> changed = Map.of("position", 5, "agencyId", "mimika-dlh", "priority", "HIGH",
                "match", Map.of("districts", List.of("tembagapura"), "keywords", List.of("tambang", "limbah")));
        Response versionTwo = put("/api/v1/routing-rules/mimika-tembagapura-mining",
                Map.of("expectedVersion", 1, "definition", changed), new String[]{"X-Caller-Id", "operator-2",
                        "X-Caller-Roles", "operator"});
        assertThat(versionTwo.status()).isEqualTo(200);
        assertThat(versionTwo.body().get("version").asInt()).isEqualTo(2);
        // a stale change loses
        assertThat(put("/api/v1/routing-rules/mimika-tembagapura-mining", Map.of("expectedVersion", 1, "definition", changed),
                operator()).status()).isEqualTo(409);

        ReportSubmitted later = report("mimika", "lainnya", "Limbah tambang lagi", district("tembagapura"));
        Assignment after = submitAndAwait(later);
        assertThat(after.agencyId()).isEqualTo("mimika-dlh");
        JsonNode routed = awaitEvent(later.reportId(), AssignmentEvents.ROUTED.type());
        assertThat(routed.get("ruleId").asString()).isEqualTo("mimika-tembagapura-mining");
        assertThat(routed.get("ruleVersion").asInt()).isEqualTo(2);
        // the earlier decision stays explained by the version that made it
        assertThat(assignments.forReport(before.reportId()).orElseThrow().ruleVersion()).isEqualTo(1);

        JsonNode versions = get("/api/v1/routing-rules/mimika-tembagapura-mining/versions", operator()).body();
        assertThat(versions.valueStream().map(v -> v.get("version").asInt() + ":" + v.get("changedBy").asString()
                + ":" + v.get("current").asBoolean())).containsExactly("1:operator-1:false", "2:operator-2:true");
        assertThat(versions.get(1).get("changedAt").asString()).isNotBlank();

        Response retired = delete("/api/v1/routing-rules/mimika-tembagapura-mining?expectedVersion=2", operator());
        assertThat(retired.body().get("retired").asBoolean()).isTrue();
        assertThat(submitAndAwait(report("mimika", "lainnya", "Limbah tambang", district("tembagapura"))).agencyId())
                .isEqualTo("mimika-desk");
    }

    @Test
    void anAgencyWithAnAreaOnlyGetsReportsFromInsideIt() {
        Map<String, Object> details = Map.of("name", "UPTD Kehutanan Kuala Kencana (contoh)",
                "contacts", List.of(Map.of("email", "uptd@kuala-kencana.mimika.contoh.go.id")),
                "districtCodes", List.of("kuala-kencana"));
        agencyWithKeywordRule("mimika-uptd-hutan", details, "mimika-forest", 6, "NORMAL", "pohon tumbang");

        assertThat(submitAndAwait(report("mimika", "lainnya", "Pohon tumbang menutup jalan",
                new Place(-4.45, 136.70, null, null, null))).agencyId()).isEqualTo("mimika-uptd-hutan");
        assertThat(submitAndAwait(report("mimika", "lainnya", "Pohon tumbang di kota",
                district("mimika-baru"))).agencyId()).isEqualTo("mimika-desk");
    }

    @Test
    void anAgencyRetiredOrNarrowedHereGetsNoFurtherReportsThoughRoutingKeepsAgenciesInMemory() {
        Map<String, Object> details = Map.of("name", "UPTD Jembatan Mimika (contoh)",
                "contacts", List.of(Map.of("email", "uptd@jembatan.mimika.contoh.go.id")));
        agencyWithKeywordRule("mimika-uptd-jembatan", details, "mimika-bridges", 7, "HIGH", "jembatan putus");
        assertThat(submitAndAwait(report("mimika", "lainnya", "Jembatan putus di Kwamki",
                district("mimika-baru"))).agencyId()).isEqualTo("mimika-uptd-jembatan");

        Map<String, Object> narrowed = new HashMap<>(details);
        narrowed.put("districtCodes", List.of("kuala-kencana"));
        assertThat(put("/api/v1/agencies/mimika-uptd-jembatan", narrowed, operator()).status()).isEqualTo(200);
        assertThat(submitAndAwait(report("mimika", "lainnya", "Jembatan putus lagi", district("mimika-baru")))
                .agencyId()).isEqualTo("mimika-desk");
        assertThat(submitAndAwait(report("mimika", "lainnya", "Jembatan putus di hutan", district("kuala-kencana")))
                .agencyId()).isEqualTo("mimika-uptd-jembatan");

        assertThat(delete("/api/v1/agencies/mimika-uptd-jembatan", operator()).status()).isEqualTo(200);
        assertThat(submitAndAwait(report("mimika", "lainnya", "Jembatan putus sekali lagi", district("kuala-kencana")))
                .agencyId()).isEqualTo("mimika-desk");
    }

    /** A new agency in Mimika and a rule sending it the reports that contain {@code keyword}. */
    private void agencyWithKeywordRule(String agencyId, Map<String, Object> details, String ruleId, int position,
                                       String priority, String keyword) {
        assertThat(post("/api/v1/agencies", Map.of("id", agencyId, "jurisdictionId", "mimika", "details", details),
                operator()).status()).isEqualTo(201);
        assertThat(post("/api/v1/routing-rules", Map.of("ruleId", ruleId, "jurisdictionId", "mimika",
                "definition", Map.of("position", position, "agencyId", agencyId, "priority", priority,
                        "match", Map.of("keywords", List.of(keyword)))), operator()).status()).isEqualTo(201);
    }

    @Test
    void onlyOperatorsManageRulesAndBadRulesAreRefusedByField() {
        assertThat(get("/api/v1/routing-rules?jurisdictionId=bandung", staffOf("bandung-dlh")).status()).isEqualTo(403);
        assertThat(get("/api/v1/routing-rules?jurisdictionId=bandung").status()).isEqualTo(401);
        JsonNode seeded = get("/api/v1/routing-rules?jurisdictionId=bandung", operator()).body();
        assertThat(seeded.get(0).get("ruleId").asString()).isEqualTo("bandung-layad-rawat");
        assertThat(seeded.get(0).get("sampleData").asBoolean()).isTrue();

        Response otherJurisdiction = post("/api/v1/routing-rules", Map.of("ruleId", "bandung-wrong", "jurisdictionId", "bandung",
                "definition", Map.of("position", 1, "agencyId", "mimika-dlh", "priority", "LOW")), operator());
        assertThat(otherJurisdiction.status()).isEqualTo(400);
        assertThat(otherJurisdiction.body().get("errors").get(0).get("field").asString()).isEqualTo("definition.agencyId");
        Response noPriority = post("/api/v1/routing-rules", Map.of("ruleId", "bandung-wrong", "jurisdictionId", "bandung",
                "definition", Map.of("position", 1, "agencyId", "bandung-dlh")), operator());
        assertThat(noPriority.status()).isEqualTo(400);
        assertThat(noPriority.body().get("errors").get(0).get("field").asString()).isEqualTo("definition.priority");
        assertThat(get("/api/v1/routing-rules/bandung-wrong", operator()).status()).isEqualTo(404);
    }

    @Test
    void aRuleCreatedOnAnotherInstanceRoutesReportsHereOnceThisInstancesReadOfTheRulesExpires() {
        List<RoutingRule> before = rules.inForce("mimika"); // this instance now holds the rules in memory
        RoutingRules otherInstance = new RoutingRules(mongo, agencies, jurisdictions, Clock.systemUTC(), Duration.ZERO);
        otherInstance.create(new NewRule("mimika-landslide", "mimika", new RuleDefinition(0,
                new RuleMatch(null, null, null, null, List.of("longsor")), "mimika-dinas-pupr",
                Priority.HIGH)), "operator-elsewhere");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rules.inForce("mimika")).extracting(RoutingRule::ruleId).contains("mimika-landslide"));
        assertThat(before).extracting(RoutingRule::ruleId).doesNotContain("mimika-landslide");
        Assignment routed = submitAndAwait(report("mimika", "lainnya", "Longsor menutup jalan", district("mimika-baru")));
        assertThat(routed.ruleId()).isEqualTo("mimika-landslide");
        assertThat(routed.agencyId()).isEqualTo("mimika-dinas-pupr");
    }
}
