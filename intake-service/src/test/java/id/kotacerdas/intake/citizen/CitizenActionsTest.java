package id.kotacerdas.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.kotacerdas.contracts.assignment.ReportResolved;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.intake.following.UndisputedResolutions;
import tools.jackson.databind.JsonNode;

class CitizenActionsTest extends IntakeServiceTest {

    @Autowired
    UndisputedResolutions undisputedResolutions;

    @Test
    void theReporterAddsInformationWithTheirToken() {
        JsonNode submitted = submitReport(REPORTER);
        String trackingNumber = submitted.get("trackingNumber").asString();
        String token = submitted.get("reporterToken").asString();

        Answer answer = post(path(trackingNumber, "information"), "{\"text\":\"Lubangnya makin lebar\"}",
                "X-Reporter-Token", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("additionalInformation").get(0).asString()).isEqualTo("Lubangnya makin lebar");
        topics.awaitType(ReportEvents.UPDATED.type(), json -> json.contains("Lubangnya makin lebar"), WAIT);
    }

    @Test
    void withoutTheRightTokenNothingChanges() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();

        assertThat(post(path(trackingNumber, "withdrawal"), "{}").status()).isEqualTo(403);
        assertThat(post(path(trackingNumber, "withdrawal"), "{}", "X-Reporter-Token", "guess").status())
                .isEqualTo(403);
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theReporterWithdrawsAndCannotWithdrawTwice() {
        JsonNode submitted = submitReport(REPORTER);
        String trackingNumber = submitted.get("trackingNumber").asString();
        String token = submitted.get("reporterToken").asString();

        Answer withdrawn = post(path(trackingNumber, "withdrawal"), "{\"reason\":\"Sudah diperbaiki warga\"}",
                "X-Reporter-Token", token);

        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        topics.awaitType(ReportEvents.WITHDRAWN.type(), json -> json.contains("Sudah diperbaiki warga"), WAIT);
        assertThat(post(path(trackingNumber, "withdrawal"), "{}", "X-Reporter-Token", token).status())
                .isEqualTo(409);
    }

    @Test
    void disputingAResolutionReopensTheReport() {
        JsonNode submitted = submitReport(REPORTER);
        String trackingNumber = submitted.get("trackingNumber").asString();
        String token = submitted.get("reporterToken").asString();
        resolve(trackingNumber);

        Answer disputed = post(path(trackingNumber, "resolution/dispute"),
                "{\"reason\":\"Masih berlubang\"}", "X-Reporter-Token", token);

        assertThat(disputed.json().get("status").asString()).isEqualTo("REOPENED");
        String reportId = reportIdOf(trackingNumber);
        topics.awaitType(ReportEvents.REOPENED.type(), json -> json.contains(reportId), WAIT);
    }

    @Test
    void confirmingAResolutionClosesTheReportAndTheReporterRatesIt() {
        JsonNode submitted = submitReport(REPORTER);
        String trackingNumber = submitted.get("trackingNumber").asString();
        String token = submitted.get("reporterToken").asString();
        resolve(trackingNumber);

        Answer closed = post(path(trackingNumber, "resolution/confirmation"), "", "X-Reporter-Token", token);
        Answer rated = post(path(trackingNumber, "rating"), "{\"rating\":5,\"comment\":\"Cepat\"}",
                "X-Reporter-Token", token);

        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(rated.status()).isEqualTo(200);
        String reportId = reportIdOf(trackingNumber);
        topics.awaitType(ReportEvents.CLOSED.type(),
                json -> json.contains(reportId) && json.contains("CONFIRMED_BY_REPORTER"), WAIT);
        topics.awaitType(ReportEvents.FEEDBACK_GIVEN.type(), json -> json.contains(reportId), WAIT);
        await().atMost(WAIT).until(() -> notificationsFor(trackingNumber).stream()
                .anyMatch(r -> new String(r.value()).contains("report-closed")));
        assertThat(post(path(trackingNumber, "rating"), "{\"rating\":4}", "X-Reporter-Token", token).status())
                .isEqualTo(409);
        assertThat(post(path(trackingNumber, "rating"), "{\"rating\":9}", "X-Reporter-Token", token).status())
                .isEqualTo(400);
    }

    @Test
    void aResolutionIsClosedOnceTheDisputeWindowSentByRoutingHasEndedNotAfterTenWeekdays() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        // ten working days that span the Lebaran collective leave: three calendar weeks
        Instant disputableUntil = Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.SECONDS);
        resolve(trackingNumber, disputableUntil);
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("disputableUntil").asString())
                .isEqualTo(disputableUntil.toString());

        undisputedResolutions.closeDue(Instant.now().plus(Duration.ofDays(15)));
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("status").asString()).isEqualTo("RESOLVED");

        undisputedResolutions.closeDue(disputableUntil.plusSeconds(1));
        JsonNode closed = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        JsonNode window = closed.path("disputableUntil");
        assertThat(window.isMissingNode() || window.isNull()).as("no longer disputable").isTrue();
        String reportId = reportIdOf(trackingNumber);
        topics.awaitType(ReportEvents.CLOSED.type(),
                json -> json.contains(reportId) && json.contains("NOT_DISPUTED_IN_TIME"), WAIT);
    }

    @Test
    void aResolutionWhoseEventCarriesNoDisputeWindowIsClosedAfterTenWeekdays() {
        String trackingNumber = submitReport(REPORTER).get("trackingNumber").asString();
        resolve(trackingNumber, null);

        undisputedResolutions.closeDue(Instant.now().plus(Duration.ofDays(8)));
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("status").asString()).isEqualTo("RESOLVED");

        undisputedResolutions.closeDue(Instant.now().plus(Duration.ofDays(15)));
        assertThat(get("/api/v1/reports/" + trackingNumber).json().get("status").asString()).isEqualTo("CLOSED");
        String reportId = reportIdOf(trackingNumber);
        topics.awaitType(ReportEvents.CLOSED.type(),
                json -> json.contains(reportId) && json.contains("NOT_DISPUTED_IN_TIME"), WAIT);
    }

    private void resolve(String trackingNumber) {
        resolve(trackingNumber, Instant.now().plus(Duration.ofDays(14)));
    }

    private void resolve(String trackingNumber, Instant disputableUntil) {
        String reportId = reportIdOf(trackingNumber);
        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportResolved("asg-" + reportId, reportId,
                "mimika-dinas-pupr", "Sudah ditambal", Instant.now(), disputableUntil));
        await().atMost(WAIT).until(() -> "RESOLVED".equals(
                get("/api/v1/reports/" + trackingNumber).json().get("status").asString()));
    }

    private static String path(String trackingNumber, String action) {
        return "/api/v1/reports/" + trackingNumber + "/" + action;
    }
}
