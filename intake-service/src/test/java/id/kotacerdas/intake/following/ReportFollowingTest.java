package id.kotacerdas.intake.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;

import id.kotacerdas.contracts.assignment.AssignmentAcknowledged;
import id.kotacerdas.contracts.assignment.AssignmentEscalated;
import id.kotacerdas.contracts.assignment.AssignmentStarted;
import id.kotacerdas.contracts.assignment.AssignmentTransferred;
import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.assignment.ReportResolved;
import id.kotacerdas.contracts.assignment.ReportRouted;
import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.testing.Polls;
import id.kotacerdas.testing.RecordedTopics;
import tools.jackson.databind.JsonNode;

class ReportFollowingTest extends IntakeServiceTest {

    @Autowired
    AssignmentFollower follower;

    @Test
    void aRedeliveredReportRoutedChangesStatusOnceAndSendsOneNotificationRequest() throws Exception {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        String reportId = reportIdOf(trackingNumber);
        String eventId = UUID.randomUUID().toString();
        ReportRouted routed = routed(reportId, trackingNumber);

        publishAssignmentEvent(eventId, routed);
        publishAssignmentEvent(eventId, routed);

        await().atMost(WAIT).until(() -> "ROUTED".equals(statusOf(trackingNumber)));
        topics.awaitType("city.notification.requested.v1", json -> json.contains(eventId + ":reporter"), WAIT);
        Thread.sleep(2000); // a second request, if any, would arrive now
        JsonNode shown = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(shown.get("agency").get("name").asString()).isEqualTo("Dinas PUPR Kabupaten Mimika");
        assertThat(shown.get("history").valueStream().filter(h -> h.get("step").asString().equals("ROUTED")))
                .hasSize(1);
        assertThat(notificationsFor(trackingNumber).stream()
                .filter(r -> RecordedTopics.value(r).contains("report-routed"))).hasSize(1);
        JsonNode request = JSON.readTree(RecordedTopics.value(notificationsFor(trackingNumber).stream()
                .filter(r -> RecordedTopics.value(r).contains("report-routed")).findFirst().orElseThrow()));
        assertThat(request.get("requestId").asString()).isEqualTo(eventId + ":reporter");
        assertThat(request.get("parameters").get("agencyName").asString()).isEqualTo("Dinas PUPR Kabupaten Mimika");
        assertThat(request.get("parameters").get("acknowledgeBy").asString()).endsWith("WIT");
    }

    @Test
    void onePollFollowsEachReportsStepsInOrderAndTellsEachReporterOnce() {
        SubmittedReport first = submitted();
        SubmittedReport second = submitted();
        String firstRouted = UUID.randomUUID().toString();
        String firstStarted = UUID.randomUUID().toString();
        String secondRouted = UUID.randomUUID().toString();

        follower.on(Polls.of(
                assignmentRecord(firstRouted, routed(first.id(), first.trackingNumber())),
                assignmentRecord(secondRouted, routed(second.id(), second.trackingNumber())),
                assignmentRecord(firstStarted,
                        new AssignmentStarted("asg-" + first.id(), first.id(), "mimika-dinas-pupr", Instant.now())),
                assignmentRecord(firstRouted, routed(first.id(), first.trackingNumber())),
                assignmentRecord(UUID.randomUUID().toString(), routed("no-such-report", "MMK-X"))));

        assertThat(statusOf(first.trackingNumber())).isEqualTo("IN_PROGRESS");
        assertThat(get("/api/v1/reports/" + first.trackingNumber()).json().get("history").valueStream()
                .map(h -> h.get("step").asString()))
                .containsExactly("SUBMITTED", "ROUTED", "IN_PROGRESS");
        assertThat(statusOf(second.trackingNumber())).isEqualTo("ROUTED");
        topics.awaitType("city.notification.requested.v1", json -> json.contains(firstStarted + ":reporter"), WAIT);
        topics.awaitType("city.notification.requested.v1", json -> json.contains(secondRouted + ":reporter"), WAIT);
        assertThat(notificationsFor(first.trackingNumber())).extracting(r -> JSON.readTree(RecordedTopics.value(r)))
                .extracting(request -> request.get("template").asString())
                .containsExactlyInAnyOrder("report-received", "report-routed", "report-in-progress");

        follower.on(Polls.of(assignmentRecord(firstStarted,
                new AssignmentStarted("asg-" + first.id(), first.id(), "mimika-dinas-pupr", Instant.now()))));
        assertThat(get("/api/v1/reports/" + first.trackingNumber()).json().get("history")).hasSize(3);
    }

    @Test
    void aPollIsRememberedByItsReportsAloneSoItsRedeliveryChangesNothingWithoutALogOfProcessedEvents() {
        SubmittedReport report = submitted();
        String routedId = UUID.randomUUID().toString();
        String startedId = UUID.randomUUID().toString();
        var poll = Polls.of(assignmentRecord(routedId, routed(report.id(), report.trackingNumber())),
                assignmentRecord(startedId,
                        new AssignmentStarted("asg-" + report.id(), report.id(), "mimika-dinas-pupr", Instant.now())));

        follower.on(poll);
        follower.on(poll);

        assertThat(get("/api/v1/reports/" + report.trackingNumber()).json().get("history").valueStream()
                .map(h -> h.get("step").asString())).containsExactly("SUBMITTED", "ROUTED", "IN_PROGRESS");
        assertThat(mongo.getCollection("reports").find(new Document("_id", report.id())).first()
                .getList("appliedEventIds", String.class)).containsExactly(routedId, startedId);
        assertThat(mongo.getCollection("processed_events").countDocuments(new Document("_id",
                new Document("$regex", "(" + routedId + "|" + startedId + ")$")))).isZero();
        topics.awaitType("city.notification.requested.v1", json -> json.contains(startedId + ":reporter"), WAIT);
        assertThat(notificationsFor(report.trackingNumber())).extracting(r -> JSON.readTree(RecordedTopics.value(r)))
                .extracting(request -> request.get("template").asString())
                .containsExactlyInAnyOrder("report-received", "report-routed", "report-in-progress");
    }

    @Test
    void anEventFailingMidwayIsReportedByItsRecordAndOnlyTheStepsBeforeItAreSaved() {
        SubmittedReport healthy = submitted();
        SubmittedReport broken = submitted();
        // a reporter contact that no longer opens: telling this reporter fails, after the step changed the report
        mongo.getCollection("reports").updateOne(new Document("_id", broken.id()), new Document("$set",
                new Document("reporter.sealedContact", "not-a-sealed-contact")));
        String brokenAcknowledged = UUID.randomUUID().toString();
        String brokenRouted = UUID.randomUUID().toString();

        assertThatThrownBy(() -> follower.on(Polls.of(
                assignmentRecord(UUID.randomUUID().toString(), routed(healthy.id(), healthy.trackingNumber())),
                assignmentRecord(brokenAcknowledged,
                        new AssignmentAcknowledged("asg-" + broken.id(), broken.id(), "mimika-dinas-pupr",
                                Instant.now())),
                assignmentRecord(brokenRouted, routed(broken.id(), broken.trackingNumber())),
                assignmentRecord(UUID.randomUUID().toString(),
                        new AssignmentStarted("asg-" + healthy.id(), healthy.id(), "mimika-dinas-pupr",
                                Instant.now())))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));

        assertThat(statusOf(healthy.trackingNumber())).isEqualTo("ROUTED");
        Document brokenNow = mongo.getCollection("reports").find(new Document("_id", broken.id())).first();
        assertThat(brokenNow.getList("appliedEventIds", String.class)).containsExactly(brokenAcknowledged);
        assertThat(brokenNow.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(brokenNow.getList("history", Document.class)).extracting(h -> h.getString("step"))
                .containsExactly("SUBMITTED", "ACKNOWLEDGED");
    }

    @Test
    void theReporterFollowsTheStoryToResolutionInTheLanguageTheyAskedFor() {
        String trackingNumber = submitReport("""
                {"email":"maria@example.id","locale":"en"}""").get("trackingNumber").asString();
        String reportId = reportIdOf(trackingNumber);

        publishAssignmentEvent(UUID.randomUUID().toString(), routed(reportId, trackingNumber));
        publishAssignmentEvent(UUID.randomUUID().toString(),
                new AssignmentStarted("asg-" + reportId, reportId, "mimika-dinas-pupr", Instant.now()));
        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportResolved("asg-" + reportId, reportId,
                "mimika-dinas-pupr", "Lubang sudah ditambal", Instant.now(), Instant.now().plus(Duration.ofDays(14))));

        await().atMost(WAIT).until(() -> "RESOLVED".equals(statusOf(trackingNumber)));
        JsonNode shown = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(shown.get("resolutionNote").asString()).isEqualTo("Lubang sudah ditambal");
        assertThat(shown.get("history").valueStream().map(h -> h.get("step").asString()))
                .containsExactly("SUBMITTED", "ROUTED", "IN_PROGRESS", "RESOLVED");

        await().atMost(WAIT).until(() -> notificationsFor(trackingNumber).size() >= 4);
        assertThat(notificationsFor(trackingNumber)).extracting(r -> JSON.readTree(RecordedTopics.value(r)))
                .allSatisfy(request -> {
                    assertThat(request.get("locale").asString()).isEqualTo("en");
                    assertThat(request.get("channels").get(0).asString()).isEqualTo("EMAIL");
                })
                .extracting(request -> request.get("template").asString())
                .containsExactlyInAnyOrder("report-received", "report-routed", "report-in-progress", "report-resolved");
    }

    @Test
    void anAnonymousReporterWithoutContactGetsNoMessages() throws Exception {
        double[] spot = freshSpotInMimika();
        Answer answer = post("/api/v1/reports", """
                {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"sampah","description":"Sampah di sungai %s",
                 "location":{"latitude":%s,"longitude":%s},"anonymous":true}""".formatted(UUID.randomUUID(), spot[0],
                spot[1]), as(APP));
        String trackingNumber = answer.json().get("trackingNumber").asString();
        String reportId = reportIdOf(trackingNumber);

        publishAssignmentEvent(UUID.randomUUID().toString(), routed(reportId, trackingNumber));

        await().atMost(WAIT).until(() -> "ROUTED".equals(statusOf(trackingNumber)));
        Thread.sleep(1500);
        assertThat(notificationsFor(trackingNumber)).isEmpty();
    }

    @Test
    void anInvalidReportIsRejectedAndEscalationsAndTransfersAreTold() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        String reportId = reportIdOf(trackingNumber);

        publishAssignmentEvent(UUID.randomUUID().toString(), routed(reportId, trackingNumber));
        publishAssignmentEvent(UUID.randomUUID().toString(), new AssignmentEscalated("asg-" + reportId, reportId,
                "mimika-dinas-pupr", 1, "acknowledge", Instant.now(), Instant.now()));
        publishAssignmentEvent(UUID.randomUUID().toString(), new AssignmentTransferred("asg-" + reportId, reportId,
                "mimika-dinas-pupr", "mimika-dlh", "Dinas Lingkungan Hidup Kabupaten Mimika", "sampah, bukan jalan",
                Instant.now()));
        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportRejected("asg-" + reportId, reportId,
                "mimika-dlh", ReportRejected.RejectionReason.INVALID, "Laporan uji coba", Instant.now()));

        await().atMost(WAIT).until(() -> "REJECTED".equals(statusOf(trackingNumber)));
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("history").valueStream()
                .map(h -> h.get("step").asString()))
                .containsExactly("SUBMITTED", "ROUTED", "ESCALATED", "TRANSFERRED", "REJECTED");
        await().atMost(WAIT).until(() -> notificationsFor(trackingNumber).size() >= 5);
        assertThat(notificationsFor(trackingNumber)).extracting(r -> JSON.readTree(RecordedTopics.value(r)))
                .extracting(request -> request.get("template").asString())
                .containsExactlyInAnyOrder("report-received", "report-routed", "report-escalated", "report-routed",
                        "report-rejected");
    }

    @Test
    void aStepArrivingAfterTheReporterWithdrewChangesNothing() {
        JsonNode submitted = submitReport(REPORTER);
        String trackingNumber = submitted.get("trackingNumber").asString();
        String reportId = reportIdOf(trackingNumber);
        post("/api/v1/reports/" + trackingNumber + "/withdrawal", "{}", "X-Reporter-Token",
                submitted.get("reporterToken").asString());
        String lateEvent = UUID.randomUUID().toString();

        publishAssignmentEvent(lateEvent, routed(reportId, trackingNumber));

        await().atMost(WAIT).until(() -> mongo.getCollection("reports").find(new Document("_id", reportId))
                .first().getList("appliedEventIds", String.class).contains(lateEvent));
        assertThat(statusOf(trackingNumber)).isEqualTo("WITHDRAWN");
    }

    private static ReportRouted routed(String reportId, String trackingNumber) {
        Instant now = Instant.now();
        return new ReportRouted("asg-" + reportId, reportId, trackingNumber, "mimika", "mimika-dinas-pupr",
                "Dinas PUPR Kabupaten Mimika", "rule-jalan", 1, Priority.NORMAL, null, now.plus(3, ChronoUnit.DAYS),
                now.plus(8, ChronoUnit.DAYS), now);
    }

    private String statusOf(String trackingNumber) {
        return get("/api/v1/reports/" + trackingNumber).json().get("status").asString();
    }
}
