package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.report.ReportClosed;
import id.kotacerdas.contracts.report.ReportReopened;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.routing.RoutingServiceTestBase;
import id.kotacerdas.routing.deadline.DeadlinePolicy;
import id.kotacerdas.routing.place.Jurisdictions;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgencyWorkflowTest extends RoutingServiceTestBase {

    @Autowired
    DeadlinePolicy disputes;
    @Autowired
    Jurisdictions jurisdictions;

    @Test
    void anAgencyAcknowledgesStartsNotesAndResolvesAndEachStepIsPublished() {
        Assignment assignment = submitAndAwait(report("mimika", "air-bersih", "Air PDAM mati tiga hari", district("kuala-kencana")));
        String id = assignment.assignmentId();
        String[] pdam = staffOf("mimika-pdam");

        assertThat(post("/api/v1/assignments/" + id + "/acknowledge", null, pdam).body().get("status").asString())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(post("/api/v1/assignments/" + id + "/start", null, pdam).body().get("status").asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(post("/api/v1/assignments/" + id + "/notes", Map.of("visibility", "PUBLIC",
                "text", "Tim sedang memperbaiki pipa"), pdam).status()).isEqualTo(201);
        assertThat(post("/api/v1/assignments/" + id + "/notes", Map.of("visibility", "INTERNAL",
                "text", "Butuh pipa 4 inci dari gudang"), pdam).status()).isEqualTo(201);
        Response resolved = post("/api/v1/assignments/" + id + "/resolve", Map.of("note", "Pipa sudah diganti",
                "photoUrl", "https://foto.contoh.id/pipa.jpg"), pdam);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("resolutionPhotoUrl").asString()).isEqualTo("https://foto.contoh.id/pipa.jpg");
        assertThat(resolved.body().get("notes")).hasSize(2);

        String reportId = assignment.reportId();
        assertThat(awaitEvent(reportId, AssignmentEvents.ACKNOWLEDGED.type()).get("agencyId").asString()).isEqualTo("mimika-pdam");
        awaitEvent(reportId, AssignmentEvents.STARTED.type());
        JsonNode resolution = awaitEvent(reportId, AssignmentEvents.RESOLVED.type());
        assertThat(resolution.get("resolutionNote").asString()).isEqualTo("Pipa sudah diganti");
        Instant resolvedAt = Instant.parse(resolution.get("resolvedAt").asString());
        assertThat(Instant.parse(resolution.get("disputableUntil").asString())).as("ten working days in Mimika")
                .isEqualTo(disputes.disputableUntil(jurisdictions.find("mimika").orElseThrow(), resolvedAt))
                .isAfter(resolvedAt.plus(Duration.ofDays(12)));
        assertThat(awaitEvent(reportId, AssignmentEvents.NOTE_ADDED.type()).get("note").asString())
                .isEqualTo("Tim sedang memperbaiki pipa");
        assertThat(events(reportId, AssignmentEvents.NOTE_ADDED.type())).hasSize(1); // the internal note stays inside
    }

    @Test
    void anInvalidTransitionIsAConflictInProblemJson() {
        Assignment assignment = submitAndAwait(report("mimika", "air-bersih", "Air keruh", district("mimika-baru")));
        String id = assignment.assignmentId();

        Response early = post("/api/v1/assignments/" + id + "/resolve", Map.of("note", "selesai"), staffOf("mimika-pdam"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.body().get("detail").asString()).contains("ROUTED");
        assertThat(post("/api/v1/assignments/" + id + "/start", null, staffOf("mimika-pdam")).status()).isEqualTo(409);
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().status()).isEqualTo(AssignmentStatus.ROUTED);
    }

    @Test
    void agencyStaffSeeAndActOnlyOnTheirOwnAgencysAssignments() {
        Assignment assignment = submitAndAwait(report("mimika", "sampah", "Sampah di selokan", district("mimika-baru")));
        String id = assignment.assignmentId();

        assertThat(get("/api/v1/assignments/" + id, staffOf("mimika-dlh")).status()).isEqualTo(200);
        assertThat(get("/api/v1/assignments/" + id, staffOf("mimika-pdam")).status()).isEqualTo(404);
        assertThat(post("/api/v1/assignments/" + id + "/acknowledge", null, staffOf("mimika-pdam")).status()).isEqualTo(404);
        assertThat(get("/api/v1/agencies/mimika-dlh/assignments", staffOf("mimika-pdam")).status()).isEqualTo(403);
        assertThat(get("/api/v1/agencies/mimika-dlh/assignments").status()).isEqualTo(401);
        assertThat(get("/api/v1/assignments/" + id, operator()).status()).isEqualTo(200);
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().status()).isEqualTo(AssignmentStatus.ROUTED);
    }

    @Test
    void notOurResponsibilityReroutesByTheNextMatchingRuleAndThenToTheDesk() {
        ReportSubmitted report = report("banyuasin", "drainase", "Banjir karena saluran tersumbat", district("betung"));
        Assignment first = submitAndAwait(report);
        assertThat(first.agencyId()).isEqualTo("banyuasin-dinas-pupr");

        Response rerouted = post("/api/v1/assignments/" + first.assignmentId() + "/reject",
                Map.of("reason", "NOT_OUR_RESPONSIBILITY", "note", "Saluran milik pengembang perumahan"),
                staffOf("banyuasin-dinas-pupr"));
        assertThat(rerouted.status()).isEqualTo(200);
        // the flood and infrastructure rules both point at the agency that declined: next is the desk's catch-all
        assertThat(rerouted.body().get("agencyId").asString()).isEqualTo("banyuasin-desk");
        assertThat(rerouted.body().get("ruleId").asString()).isEqualTo("banyuasin-default-desk");
        assertThat(rerouted.body().get("assignmentId").asString()).isNotEqualTo(first.assignmentId());
        assertThat(rerouted.body().get("previousAgencies").get(0).get("agencyId").asString()).isEqualTo("banyuasin-dinas-pupr");

        JsonNode rejected = awaitEvent(report.reportId(), AssignmentEvents.REJECTED.type());
        assertThat(rejected.get("reason").asString()).isEqualTo("NOT_OUR_RESPONSIBILITY");
        await().atMost(WAIT).until(() -> events(report.reportId(), AssignmentEvents.ROUTED.type()).size() == 2);
        // the old assignment has ended for the agency that declined it
        assertThat(post("/api/v1/assignments/" + first.assignmentId() + "/acknowledge", null,
                staffOf("banyuasin-dinas-pupr")).status()).isEqualTo(409);
        // and the desk cannot pass it on as "not ours"
        String deskAssignment = rerouted.body().get("assignmentId").asString();
        assertThat(post("/api/v1/assignments/" + deskAssignment + "/reject",
                Map.of("reason", "NOT_OUR_RESPONSIBILITY", "note", "bukan kami"), staffOf("banyuasin-desk")).status())
                .isEqualTo(409);
    }

    @Test
    void anInvalidReportIsRejectedWithItsReason() {
        Assignment assignment = submitAndAwait(report("bandung", "ketertiban", "tes tes", district("sukajadi")));
        Response rejected = post("/api/v1/assignments/" + assignment.assignmentId() + "/reject",
                Map.of("reason", "INVALID", "note", "Laporan uji coba, tidak ada masalah"), staffOf("bandung-satpol-pp"));

        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        JsonNode event = awaitEvent(assignment.reportId(), AssignmentEvents.REJECTED.type());
        assertThat(event.get("reason").asString()).isEqualTo("INVALID");
        assertThat(event.get("note").asString()).isEqualTo("Laporan uji coba, tidak ada masalah");
    }

    @Test
    void aTransferMovesTheReportToAnotherAgencyWhoseContactsAreNotified() {
        Assignment assignment = submitAndAwait(report("bandung", "jalan-rusak", "Jalan retak", district("coblong")));
        Response transferred = post("/api/v1/assignments/" + assignment.assignmentId() + "/transfer",
                Map.of("toAgencyId", "bandung-dlh", "reason", "Kerusakan akibat pohon tumbang"), staffOf("bandung-dinas-pupr"));

        assertThat(transferred.status()).isEqualTo(200);
        String newAssignment = transferred.body().get("assignmentId").asString();
        assertThat(transferred.body().get("agencyId").asString()).isEqualTo("bandung-dlh");
        assertThat(transferred.body().get("ruleId").asString()).isEqualTo("disposisi");
        JsonNode event = awaitEvent(assignment.reportId(), AssignmentEvents.TRANSFERRED.type());
        assertThat(event.get("fromAgencyId").asString()).isEqualTo("bandung-dinas-pupr");
        assertThat(event.get("toAgencyId").asString()).isEqualTo("bandung-dlh");
        assertThat(event.get("reason").asString()).isEqualTo("Kerusakan akibat pohon tumbang");
        await().atMost(WAIT).until(() -> !notificationRequests(newAssignment + ":new").isEmpty());

        JsonNode queue = get("/api/v1/agencies/bandung-dlh/assignments?status=ROUTED&size=200", staffOf("bandung-dlh")).body();
        assertThat(queue.get("items").valueStream().map(i -> i.get("assignmentId").asString())).contains(newAssignment);
        assertThat(post("/api/v1/assignments/" + assignment.assignmentId() + "/transfer",
                Map.of("toAgencyId", "mimika-dlh", "reason", "x"), operator()).status()).isEqualTo(409);
        assertThat(post("/api/v1/assignments/" + newAssignment + "/transfer",
                Map.of("toAgencyId", "mimika-dlh", "reason", "salah kota"), operator()).status()).isEqualTo(400);
    }

    @Test
    void aReopenedReportReturnsToTheSameAgencyAndAClosedOneEnds() {
        ReportSubmitted report = report("bandung", "lampu-jalan", "Lampu jalan mati", district("bandung-wetan"));
        Assignment assignment = submitAndAwait(report);
        String id = assignment.assignmentId();
        String[] pupr = staffOf("bandung-dinas-pupr");
        post("/api/v1/assignments/" + id + "/acknowledge", null, pupr);
        post("/api/v1/assignments/" + id + "/resolve", Map.of("note", "Lampu diganti"), pupr);

        publish(new ReportReopened(report.reportId(), "Lampu masih mati", Instant.now()));
        await().atMost(WAIT).until(() -> assignments.forReport(report.reportId()).orElseThrow().status()
                == AssignmentStatus.REOPENED);
        Assignment reopened = assignments.forReport(report.reportId()).orElseThrow();
        assertThat(reopened.agencyId()).isEqualTo("bandung-dinas-pupr");
        await().atMost(WAIT).until(() -> events(report.reportId(), AssignmentEvents.ROUTED.type()).size() == 2);

        post("/api/v1/assignments/" + id + "/acknowledge", null, pupr);
        post("/api/v1/assignments/" + id + "/resolve", Map.of("note", "Kabel diganti"), pupr);
        publish(new ReportClosed(report.reportId(), ReportClosed.ClosureReason.CONFIRMED_BY_REPORTER, Instant.now()));
        await().atMost(WAIT).until(() -> assignments.forReport(report.reportId()).orElseThrow().status()
                == AssignmentStatus.CLOSED);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        Assignment assignment = submitAndAwait(report("mimika", "pendidikan", "Atap sekolah bocor", district("mimika-timur")));
        String id = assignment.assignmentId();

        Response noReason = post("/api/v1/assignments/" + id + "/reject", Map.of("note", "x"), staffOf("mimika-disdik"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Response badPhoto = post("/api/v1/assignments/" + id + "/resolve", Map.of("note", "ok", "photoUrl", "not a url"),
                staffOf("mimika-disdik"));
        assertThat(badPhoto.status()).isEqualTo(400);
        assertThat(badPhoto.body().get("errors").get(0).get("field").asString()).isEqualTo("photoUrl");
        Response badVisibility = post("/api/v1/assignments/" + id + "/notes", "{\"visibility\":\"SECRET\",\"text\":\"x\"}",
                staffOf("mimika-disdik"));
        assertThat(badVisibility.status()).isEqualTo(400);
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().notes()).isEmpty();
        assertThat(assignments.forReport(assignment.reportId()).orElseThrow().status()).isEqualTo(AssignmentStatus.ROUTED);
    }
}
