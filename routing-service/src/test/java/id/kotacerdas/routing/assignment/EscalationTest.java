package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.AssignmentEvents;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EscalationTest extends RoutingServiceTestBase {

    @Autowired
    EscalationJob job;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMissedDeadlineEscalatesOncePerLevelEvenWithTwoInstancesRunningTheJob() throws Exception {
        Assignment assignment = submitAndAwait(report("mimika", "kesehatan", "Puskesmas tutup", district("mimika-baru")));
        String reportId = assignment.reportId();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        // time passes: the acknowledgement deadline is missed
        moveDeadlines(reportId, past, assignment.resolveBy(), past);

        raceTwoInstances();
        JsonNode levelOne = awaitEvent(reportId, AssignmentEvents.ESCALATED.type());
        assertThat(levelOne.get("level").asInt()).isEqualTo(1);
        assertThat(levelOne.get("missedDeadline").asString()).isEqualTo("acknowledge");
        assertThat(levelOne.get("agencyId").asString()).isEqualTo("mimika-dinkes");
        await().atMost(WAIT).until(() -> !notificationRequests(assignment.assignmentId() + ":escalated-1").isEmpty());
        List<JsonNode> toHead = notificationRequests(assignment.assignmentId() + ":escalated-1");
        assertThat(toHead).allSatisfy(r -> {
            assertThat(r.get("template").asString()).isEqualTo("assignment-escalated");
            assertThat(r.get("recipient").get("email").asString()).isEqualTo("kepala@dinkes.mimika.contoh.go.id");
            assertThat(r.get("parameters").get("level").asString()).isEqualTo("1");
        });

        // still nobody acknowledged and the resolution deadline passes too: level 2, to the operator desk
        moveDeadlines(reportId, past, past, past);
        raceTwoInstances();
        await().atMost(WAIT).until(() -> events(reportId, AssignmentEvents.ESCALATED.type()).size() >= 2);
        await().atMost(WAIT).until(() -> !notificationRequests(assignment.assignmentId() + ":escalated-2").isEmpty());
        assertThat(notificationRequests(assignment.assignmentId() + ":escalated-2"))
                .extracting(r -> r.get("recipient").get("email").asString())
                .contains("kepala@desk.mimika.contoh.go.id", "pengaduan@desk.mimika.contoh.go.id");

        raceTwoInstances(); // nothing is left to escalate
        Thread.sleep(1000);
        assertThat(events(reportId, AssignmentEvents.ESCALATED.type())).hasSize(2);
        assertThat(assignments.forReport(reportId).orElseThrow().escalationLevel()).isEqualTo(2);
    }

    @Test
    void anAssignmentAcknowledgedInTimeIsNotEscalated() throws Exception {
        Assignment assignment = submitAndAwait(report("mimika", "listrik", "Listrik padam", district("mimika-baru")));
        post("/api/v1/assignments/" + assignment.assignmentId() + "/acknowledge", null, staffOf("mimika-pln"));
        Instant past = Instant.now().minus(Duration.ofHours(1));
        moveDeadlines(assignment.reportId(), past, assignment.resolveBy(), past);

        raceTwoInstances();
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().escalationLevel()).isZero();
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().nextEscalationAt())
                .isEqualTo(assignment.resolveBy());
    }

    private void moveDeadlines(String reportId, Instant acknowledgeBy, Instant resolveBy, Instant nextEscalationAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId)), new Update().set("acknowledgeBy", acknowledgeBy)
                .set("resolveBy", resolveBy).set("nextEscalationAt", nextEscalationAt), Assignment.class);
    }

    /** Two instances' escalation jobs running at the same moment. */
    private void raceTwoInstances() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> {
                start.await();
                return job.escalateOverdue();
            };
            Future<Integer> first = instances.submit(run);
            Future<Integer> second = instances.submit(run);
            start.countDown();
            first.get();
            second.get();
        } finally {
            instances.shutdown();
        }
    }
}
