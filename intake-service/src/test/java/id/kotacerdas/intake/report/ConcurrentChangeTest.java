package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.support.outbox.OutboxRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change meets other writers (the outbox relay's claim and release count as writes) and still goes through; a save of
 * several together saves none over another writer's change.
 */
class ConcurrentChangeTest extends IntakeServiceTest {

    @Autowired
    Reports reports;
    @Autowired
    OutboxRelay relay;

    @Test
    void aChangeWaitsOutABurstOfOtherWritesInsteadOfFailing() {
        String reportId = submitted().id();
        AtomicInteger otherWrites = new AtomicInteger();
        // another writer bumping the version as fast as it can for a while (at least 20 times, however slow the machine)
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            long until = System.nanoTime() + Duration.ofMillis(250).toNanos();
            while (System.nanoTime() < until || otherWrites.get() < 20) {
                mongo.getCollection("reports").updateOne(new Document("_id", reportId),
                        new Document("$inc", new Document("version", 1)));
                otherWrites.incrementAndGet();
            }
        });
        while (otherWrites.get() == 0) {
            Thread.onSpinWait();
        }

        Report changed = reports.change(reportId, report -> report.addInformation("Lubangnya makin lebar", Instant.now()));

        burst.join();
        assertThat(otherWrites.get()).isGreaterThanOrEqualTo(20);
        assertThat(changed.additionalInformation()).contains("Lubangnya makin lebar");
        assertThat(reports.byId(reportId).orElseThrow().additionalInformation()).containsExactly("Lubangnya makin lebar");
    }

    @Test
    void savingSeveralTogetherSavesTheUntouchedOnesAndNamesTheOneAnotherWriterChangedMeanwhile() {
        String untouched = submitted().id();
        String changedMeanwhile = submitted().id();
        Map<String, Report> read = reports.byIds(List.of(untouched, changedMeanwhile, "no-such-report"));
        assertThat(read).containsOnlyKeys(untouched, changedMeanwhile);
        reports.change(changedMeanwhile, report -> report.addInformation("dari penulis lain", Instant.now()));
        read.values().forEach(report -> report.addInformation("dari pengikut", Instant.now()));

        Set<String> notSaved = reports.saveAllUnlessChangedMeanwhile(read.values());

        assertThat(notSaved).containsExactly(changedMeanwhile);
        assertThat(reports.byId(untouched).orElseThrow().additionalInformation()).containsExactly("dari pengikut");
        assertThat(reports.byId(changedMeanwhile).orElseThrow().additionalInformation())
                .containsExactly("dari penulis lain");
    }

    @Test
    void aReportTheRelayClaimedMeanwhileIsNotSavedOverItsLease() {
        String reportId = submitted().id();
        Report read = reports.byIds(List.of(reportId)).get(reportId);
        // as the relay's claim does: a lease, the version left as it was
        mongo.getCollection("reports").updateOne(new Document("_id", reportId),
                new Document("$set", new Document("outboxLeaseOwner", "another-relay")));
        read.addInformation("terlambat", Instant.now());

        assertThat(reports.saveAllUnlessChangedMeanwhile(List.of(read))).containsExactly(reportId);
        assertThat(reports.byId(reportId).orElseThrow().additionalInformation()).isEmpty();
    }

    @Test
    void aReportThisInstancesRelayHoldsIsSavedAtOnceWithTheRelaysLeaseAndPublishedOnceTheRelayRuns() {
        String reportId = submitted().id();
        relay.stop();
        try {
            // as this instance's relay's claim does, with the relay stopped mid-send: it would never release it
            mongo.getCollection("reports").updateOne(new Document("_id", reportId), new Document("$set", relay.newLease()));

            reports.change(reportId, report -> report.addInformation("saat relay mengirim", Instant.now()));

            Document saved = mongo.getCollection("reports").find(new Document("_id", reportId)).first();
            assertThat(saved.getList("additionalInformation", String.class)).containsExactly("saat relay mengirim");
            assertThat(saved.getString("outboxLeaseOwner")).as("leased to the relay by the save").isNotNull();
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("reports")
                .find(new Document("_id", reportId)).first().getList("outbox", Object.class).isEmpty());
    }
}
