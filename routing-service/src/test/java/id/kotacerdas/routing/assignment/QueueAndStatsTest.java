package id.kotacerdas.routing.assignment;

import id.kotacerdas.routing.RoutingServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueueAndStatsTest extends RoutingServiceTestBase {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theQueueFiltersByStatusOverdueCategoryAndDistrictAndPages() {
        // Banyuasin's civil registry office gets three reports in two districts
        Assignment a = submitAndAwait(report("banyuasin", "adminduk", "Akta kelahiran belum terbit", district("betung")));
        Assignment b = submitAndAwait(report("banyuasin", "adminduk", "KK salah nama", district("talang-kelapa")));
        Assignment c = submitAndAwait(report("banyuasin", "adminduk", "KTP hilang", district("betung")));
        String[] staff = staffOf("banyuasin-disdukcapil");
        post("/api/v1/assignments/" + b.assignmentId() + "/acknowledge", null, staff);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(c.reportId())),
                Update.update("acknowledgeBy", Instant.now().minus(Duration.ofMinutes(5))), Assignment.class);

        String queue = "/api/v1/agencies/banyuasin-disdukcapil/assignments";
        assertThat(ids(get(queue + "?size=200", staff))).contains(a.assignmentId(), b.assignmentId(), c.assignmentId());
        assertThat(ids(get(queue + "?status=ACKNOWLEDGED&size=200", staff))).contains(b.assignmentId())
                .doesNotContain(a.assignmentId(), c.assignmentId());
        assertThat(ids(get(queue + "?district=betung&size=200", staff))).contains(a.assignmentId(), c.assignmentId())
                .doesNotContain(b.assignmentId());
        assertThat(ids(get(queue + "?overdue=true&size=200", staff))).contains(c.assignmentId())
                .doesNotContain(a.assignmentId(), b.assignmentId());
        assertThat(ids(get(queue + "?overdue=false&size=200", staff))).contains(a.assignmentId(), b.assignmentId())
                .doesNotContain(c.assignmentId());
        assertThat(ids(get(queue + "?category=sampah&size=200", staff))).isEmpty();

        JsonNode firstPage = get(queue + "?page=0&size=2", staff).body();
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode secondPage = get(queue + "?page=1&size=2", staff).body();
        assertThat(ids(secondPage)).doesNotContainAnyElementsOf(ids(firstPage));
        assertThat(get(queue + "?size=1000", staff).status()).isEqualTo(400);
    }

    @Test
    void statsCountOpenAndOverdueAndGiveMedianTimesToAcknowledgeAndResolve() {
        Assignment a = submitAndAwait(report("bandung", "pendidikan", "Guru jarang hadir", district("coblong")));
        Assignment b = submitAndAwait(report("bandung", "pendidikan", "Bangku rusak", district("coblong")));
        Assignment c = submitAndAwait(report("bandung", "pendidikan", "Sekolah kebanjiran", district("coblong")));
        String[] staff = staffOf("bandung-disdik");
        for (Assignment done : List.of(a, b)) {
            post("/api/v1/assignments/" + done.assignmentId() + "/acknowledge", null, staff);
            post("/api/v1/assignments/" + done.assignmentId() + "/resolve", Map.of("note", "Sudah ditangani"), staff);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(c.reportId())),
                Update.update("acknowledgeBy", Instant.now().minus(Duration.ofMinutes(5))), Assignment.class);

        String range = "?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        JsonNode agency = get("/api/v1/agencies/bandung-disdik/stats" + range, staff).body().get("stats");
        assertThat(agency.get("routed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(agency.get("open").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(agency.get("overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(Duration.parse(agency.get("medianTimeToAcknowledge").asString()).isNegative()).isFalse();
        assertThat(Duration.parse(agency.get("medianTimeToResolve").asString()).isNegative()).isFalse();

        JsonNode jurisdiction = get("/api/v1/jurisdictions/bandung/stats" + range, operator()).body();
        assertThat(jurisdiction.get("total").get("routed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(jurisdiction.get("agencies").valueStream().map(s -> s.get("agencyId").asString())).contains("bandung-disdik");

        assertThat(get("/api/v1/agencies/bandung-disdik/stats", staffOf("bandung-dlh")).status()).isEqualTo(403);
        assertThat(get("/api/v1/jurisdictions/bandung/stats", staff).status()).isEqualTo(403);
        assertThat(get("/api/v1/jurisdictions/bandung/stats?from=2026-05-02&to=2026-05-01", operator()).status()).isEqualTo(400);
        assertThat(get("/api/v1/agencies/bandung-disdik/stats?from=2026-05-01&to=2026-05-31", staff).body()
                .get("stats").get("routed").asLong()).isZero();
    }

    private static List<String> ids(Response response) {
        return ids(response.body());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("assignmentId").asString()).toList();
    }
}
