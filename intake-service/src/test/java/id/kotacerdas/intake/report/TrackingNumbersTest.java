package id.kotacerdas.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;

class TrackingNumbersTest extends IntakeServiceTest {

    @Autowired
    Jurisdictions jurisdictions;

    private Jurisdiction mimika;
    /** A far year no other test submits in, so each test starts its own counter. */
    private Instant year;

    @BeforeEach
    void aCounterOfItsOwn() {
        mimika = jurisdictions.find("mimika").orElseThrow();
        year = ZonedDateTime.of(3000 + ThreadLocalRandom.current().nextInt(6000), 6, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .toInstant();
    }

    @Test
    void twoInstancesTakingNumbersAtOnceNeverHandOutTheSameOne() throws Exception {
        List<TrackingNumbers> instances = List.of(new TrackingNumbers(mongo, 7), new TrackingNumbers(mongo, 7));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> taken = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TrackingNumbers instance = instances.get(i % 2);
                taken.add(pool.submit(() -> instance.next(mimika, year)));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> number : taken) {
                numbers.add(number.get());
            }
            assertThat(numbers).hasSize(200).allMatch(n -> n.matches("MMK-\\d{4}-\\d{6}"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anInstanceGoesToTheStoreOncePerBlockAndCountsOnWithoutGaps() {
        TrackingNumbers instance = new TrackingNumbers(mongo, 20);

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            numbers.add(instance.next(mimika, year));
        }

        String counter = counterOf(numbers.get(0));
        assertThat(numbers.get(0)).isEqualTo(counter + "-000001");
        assertThat(numbers.get(20)).isEqualTo(counter + "-000021");
        assertThat(reservedUpTo(counter)).as("two blocks of 20 reserved for 21 numbers").isEqualTo(40);
    }

    @Test
    void aRestartedInstanceContinuesAfterEveryNumberReservedBefore() {
        String first = new TrackingNumbers(mongo, 20).next(mimika, year);

        String afterRestart = new TrackingNumbers(mongo, 20).next(mimika, year);

        assertThat(first).endsWith("-000001");
        assertThat(afterRestart).as("the rest of the first block is left unused").endsWith("-000021");
    }

    @Test
    void aBlockOfOneReservesEveryNumberOnItsOwn() {
        TrackingNumbers instance = new TrackingNumbers(mongo, 1);

        instance.next(mimika, year);
        String second = instance.next(mimika, year);

        assertThat(second).endsWith("-000002");
        assertThat(reservedUpTo(counterOf(second))).isEqualTo(2);
    }

    private long reservedUpTo(String counter) {
        Document stored = mongo.getCollection(TrackingNumbers.COLLECTION).find(new Document("_id", counter)).first();
        return ((Number) stored.get("seq")).longValue();
    }

    /** {@code MMK-3172} of {@code MMK-3172-000021}. */
    private static String counterOf(String trackingNumber) {
        return trackingNumber.substring(0, trackingNumber.lastIndexOf('-'));
    }
}
