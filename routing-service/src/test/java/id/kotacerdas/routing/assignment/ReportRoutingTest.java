package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.report.ReportWithdrawn;
import id.kotacerdas.routing.RoutingServiceTestBase;
import id.kotacerdas.support.events.CloudEventHeaders;
import id.kotacerdas.testing.Polls;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static id.kotacerdas.testing.RecordedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReportRoutingTest extends RoutingServiceTestBase {

    @Autowired
    ReportEventsListener listener;
    @Autowired
    ReportRouting routing;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aReportRoutedByAnotherInstanceWhileAPollIsWrittenKeepsThatAssignmentAndTheOthersEventsGoOutAtOnce() {
        List<ReportSubmitted> reports = IntStream.range(0, 3)
                .mapToObj(i -> report("mimika", "jalan-rusak", "Jalan berlubang nomor " + i, null)).toList();
        List<Assignment> poll = reports.stream().map(routing::route).toList();
        Assignment anotherInstances = routing.route(reports.get(1));
        // the other instance writes its assignment after this one read which reports were routed, before it writes
        AtomicBoolean raced = new AtomicBoolean();
        ApplicationListener<?> anotherInstance = new AbstractMongoEventListener<Assignment>() {
            @Override
            public void onBeforeConvert(BeforeConvertEvent<Assignment> event) {
                if (event.getSource() == poll.get(0) && raced.compareAndSet(false, true)) {
                    mongo.insert(anotherInstances);
                }
            }
        };
        context.addApplicationListener(anotherInstance);
        try {
            routing.store(poll);
        } finally {
            context.removeApplicationListener(anotherInstance);
        }

        assertThat(raced).isTrue();
        assertThat(assignments.forReport(reports.get(1).reportId()).orElseThrow().assignmentId())
                .isEqualTo(anotherInstances.assignmentId());
        // the first went in with the write that failed on the second, the third on its own; both are relayed now,
        // not at the relay's next sweep (none during the tests)
        for (int i : new int[] {0, 2}) {
            assertThat(awaitEvent(reports.get(i).reportId(), AssignmentEvents.ROUTED.type()).get("assignmentId").asString())
                    .isEqualTo(poll.get(i).assignmentId());
            assertThat(assignments.forReport(reports.get(i).reportId()).orElseThrow().assignmentId())
                    .isEqualTo(poll.get(i).assignmentId());
        }
    }

    @Test
    void anUrgentHomeCareReportGoesToTheHealthOfficeWithATwoHourDeadlineAndEmailPlusSms() {
        ReportSubmitted report = report("bandung", "layad-rawat", "Nenek saya sakit, butuh kunjungan", district("coblong"));
        Assignment assignment = submitAndAwait(report);

        JsonNode routed = awaitEvent(report.reportId(), AssignmentEvents.ROUTED.type());
        assertThat(routed.get("agencyId").asString()).isEqualTo("bandung-dinkes");
        assertThat(routed.get("ruleId").asString()).isEqualTo("bandung-layad-rawat");
        assertThat(routed.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(routed.get("priority").asString()).isEqualTo("URGENT");
        assertThat(routed.get("trackingNumber").asString()).isEqualTo(report.trackingNumber());
        Instant routedAt = Instant.parse(routed.get("routedAt").asString());
        assertThat(Instant.parse(routed.get("acknowledgeBy").asString())).isEqualTo(routedAt.plus(Duration.ofHours(2)));

        await().atMost(WAIT).until(() -> notificationRequests(assignment.assignmentId() + ":new").size() >= 2);
        List<JsonNode> requests = notificationRequests(assignment.assignmentId() + ":new");
        assertThat(requests).extracting(r -> r.get("channels").get(0).asString()).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.get("template").asString()).isEqualTo("assignment-new");
            assertThat(r.get("priority").asString()).isEqualTo("CRITICAL");
            assertThat(r.get("parameters").get("agencyName").asString()).isEqualTo("Dinas Kesehatan Kota Bandung");
            assertThat(r.get("parameters").get("acknowledgeBy").asString()).endsWith("WIB");
        });
        // the public assignment event carries no contact data
        assertThat(events(report.reportId(), AssignmentEvents.ROUTED.type()))
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("contoh.go.id"));
    }

    @Test
    void aReportWithOnlyCoordinatesGetsItsDistrictAndAnOrdinaryReportOnlyAnEmail() {
        ReportSubmitted report = report("mimika", "jalan-rusak", "Jalan berlubang di depan pasar",
                new Place(-4.55, 136.95, null, null, null));
        Assignment assignment = submitAndAwait(report);

        assertThat(assignment.districtCode()).isEqualTo("mimika-baru");
        assertThat(assignment.villageCode()).isEqualTo("mimika-baru.timika-jaya");
        assertThat(assignment.agencyId()).isEqualTo("mimika-dinas-pupr");
        assertThat(assignment.ruleId()).isEqualTo("mimika-infrastructure");
        JsonNode routed = awaitEvent(report.reportId(), AssignmentEvents.ROUTED.type());
        assertThat(routed.get("districtCode").asString()).isEqualTo("mimika-baru");
        assertThat(routed.get("priority").asString()).isEqualTo("NORMAL");
        await().atMost(WAIT).until(() -> !notificationRequests(assignment.assignmentId() + ":new").isEmpty());
        assertThat(notificationRequests(assignment.assignmentId() + ":new"))
                .extracting(r -> r.get("channels").get(0).asString()).containsExactly("EMAIL");
    }

    @Test
    void keywordsInTheTextRaiseThePriority() {
        ReportSubmitted report = report("banyuasin", "drainase", "Banjir setinggi lutut sejak pagi", district("betung"));
        Assignment assignment = submitAndAwait(report);

        assertThat(assignment.ruleId()).isEqualTo("banyuasin-flood-keywords");
        assertThat(assignment.priority().name()).isEqualTo("HIGH");
        assertThat(assignment.agencyId()).isEqualTo("banyuasin-dinas-pupr");
    }

    @Test
    void whatNoRuleMatchesGoesToTheOperatorDesk() {
        ReportSubmitted report = report("mimika", "lainnya", "Pertanyaan umum tentang layanan", null);
        Assignment assignment = submitAndAwait(report);

        assertThat(assignment.agencyId()).isEqualTo("mimika-desk");
        assertThat(assignment.ruleId()).isEqualTo("mimika-default-desk");
    }

    @Test
    void aRedeliveredReportSubmittedCreatesNoSecondAssignment() throws Exception {
        ReportSubmitted report = report("banyuasin", "sampah", "Sampah menumpuk di pasar", district("betung"));
        String eventId = UUID.randomUUID().toString();
        send(record(report, eventId));
        send(record(report, eventId));            // the broker redelivers the same event
        send(record(report));                       // the producer republished it under a new event id
        Assignment assignment = awaitAssignment(report.reportId());

        // a later event on the same partition shows the earlier ones were all handled
        publish(new ReportWithdrawn(report.reportId(), "selesai sendiri", Instant.now()));
        await().atMost(WAIT).until(() -> assignments.forReport(report.reportId()).orElseThrow().status()
                == AssignmentStatus.WITHDRAWN);
        Thread.sleep(1000); // give a wrongly published second ReportRouted time to show up
        assertThat(events(report.reportId(), AssignmentEvents.ROUTED.type())).hasSize(1);
        assertThat(assignments.forReport(report.reportId()).orElseThrow().assignmentId())
                .isEqualTo(assignment.assignmentId());
    }

    @Test
    void onePollRoutesEachReportOnceInOneWriteAndAppliesALaterEventOfTheSamePollAfterIt() {
        ReportSubmitted first = report("mimika", "jalan-rusak", "Jalan amblas", district("mimika-baru"));
        ReportSubmitted second = report("bandung", "sampah", "Sampah di selokan", district("sukajadi"));
        ReportSubmitted routedBefore = report("banyuasin", "sampah", "Sampah di pasar", district("betung"));
        listener.on(Polls.of(record(routedBefore)));
        String routedBeforeAssignment = assignments.forReport(routedBefore.reportId()).orElseThrow().assignmentId();

        listener.on(Polls.of(record(first), record(second), record(first), record(routedBefore),
                record(new ReportWithdrawn(second.reportId(), "sudah diangkut", Instant.now()))));

        assertThat(assignments.forReport(first.reportId()).orElseThrow().status()).isEqualTo(AssignmentStatus.ROUTED);
        assertThat(assignments.forReport(second.reportId()).orElseThrow().status()).isEqualTo(AssignmentStatus.WITHDRAWN);
        assertThat(assignments.forReport(routedBefore.reportId()).orElseThrow().assignmentId())
                .isEqualTo(routedBeforeAssignment);
        // the batch insert wakes the relay like a single one: the events go out now, not at the next sweep
        for (ReportSubmitted report : List.of(first, second, routedBefore)) {
            awaitEvent(report.reportId(), AssignmentEvents.ROUTED.type());
        }
        assertThat(events(first.reportId(), AssignmentEvents.ROUTED.type())).hasSize(1);
        assertThat(events(routedBefore.reportId(), AssignmentEvents.ROUTED.type())).hasSize(1);
    }

    @Test
    void aRepeatedPollRoutesOnceByTheAssignmentsKeyAndAddsTheCitizensWordsOnceByTheLogOfProcessedEvents() {
        ReportSubmitted report = report("mimika", "jalan-rusak", "Jalan berlubang", district("mimika-baru"));
        String submittedId = UUID.randomUUID().toString();
        String updatedId = UUID.randomUUID().toString();
        var poll = Polls.of(record(report, submittedId),
                record(new ReportUpdated(report.reportId(), "Lubangnya makin besar", Instant.now()), updatedId));

        listener.on(poll);
        String assignmentId = assignments.forReport(report.reportId()).orElseThrow().assignmentId();
        listener.on(poll);

        Assignment assignment = assignments.forReport(report.reportId()).orElseThrow();
        assertThat(assignment.assignmentId()).isEqualTo(assignmentId);
        assertThat(assignment.notes()).extracting(Note::text)
                .containsExactly("Additional information from the reporter: Lubangnya makin besar");
        assertThat(mongo.getCollection("processed_events").find().map(entry -> entry.getString("_id")))
                .anyMatch(key -> key.endsWith("/" + updatedId)).noneMatch(key -> key.endsWith("/" + submittedId));
        awaitEvent(report.reportId(), AssignmentEvents.ROUTED.type());
        assertThat(events(report.reportId(), AssignmentEvents.ROUTED.type())).hasSize(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        ReportSubmitted report = report("bandung", "sampah", "Sampah di sungai", district("sukajadi"));
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/kota-cerdas/intake-service".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, ReportEvents.SUBMITTED.type().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, report.reportId().getBytes(StandardCharsets.UTF_8));
        // same key, so the same partition as the valid report sent right after it
        send(new ProducerRecord<>(Topics.REPORTS, null, report.reportId(),
                "{\"reportId\": 42, \"this is\": not json".getBytes(StandardCharsets.UTF_8), headers));
        publish(report);

        var deadLetter = published().await(r -> r.topic().equals(Topics.deadLetterOf(Topics.REPORTS))
                && report.reportId().equals(r.key()), WAIT);
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(awaitAssignment(report.reportId()).agencyId()).isEqualTo("bandung-dlh");
    }

    @Test
    void aWithdrawnReportEndsItsAssignmentAndUnknownEventTypesAreSkipped() {
        ReportSubmitted report = report("bandung", "adminduk", "KTP belum jadi", district("coblong"));
        submitAndAwait(report);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/kota-cerdas/intake-service".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, "city.report.translated.v1".getBytes(StandardCharsets.UTF_8));
        send(new ProducerRecord<>(Topics.REPORTS, null, report.reportId(),
                "{\"reportId\":\"x\"}".getBytes(StandardCharsets.UTF_8), headers));
        publish(new ReportWithdrawn(report.reportId(), "sudah selesai", Instant.now()));

        await().atMost(WAIT).until(() -> assignments.forReport(report.reportId()).orElseThrow().status()
                == AssignmentStatus.WITHDRAWN);
        assertThat(published().all()).noneMatch(r -> r.topic().equals(Topics.deadLetterOf(Topics.REPORTS))
                && report.reportId().equals(r.key()));
    }
}
