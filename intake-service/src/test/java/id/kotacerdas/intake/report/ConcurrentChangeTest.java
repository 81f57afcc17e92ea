package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.intake.IntakeServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A change meets other writers (the outbox relay's claim and release count as writes) and still goes through. */
class ConcurrentChangeTest extends IntakeServiceTest {

    @Autowired
    Reports reports;

    @Test
    void aChangeWaitsOutABurstOfOtherWritesInsteadOfFailing() {
        String reportId = reportIdOf(submitReport(REPORTER).get("trackingNumber").asString());
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
}
