package id.kotacerdas.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReadsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, String> store = key -> key + "#" + reads.incrementAndGet();

    @Test
    void aReadIsReusedWithinTheTtlPerKey() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofHours(1));

        assertThat(recent.get("a", store)).isEqualTo("a#1");
        assertThat(recent.get("a", store)).isEqualTo("a#1");
        assertThat(recent.get("b", store)).isEqualTo("b#2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOnThisInstanceEndsTheReuseOfEveryEarlierRead() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofHours(1));
        recent.get("a", store);
        recent.get("b", store);

        recent.changed();

        assertThat(recent.get("a", store)).isEqualTo("a#3");
        assertThat(recent.get("b", store)).isEqualTo("b#4");
        assertThat(recent.get("a", store)).isEqualTo("a#3");
    }

    @Test
    void aReadThatAChangeOvertookIsNotReused() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofHours(1));

        recent.get("a", key -> {
            recent.changed(); // the change lands while the read is under way
            return store.apply(key);
        });

        assertThat(recent.get("a", store)).isEqualTo("a#2");
    }

    @Test
    void aReadOlderThanTheTtlIsReadAgainAndAZeroTtlReadsEveryTime() throws InterruptedException {
        RecentReads<String, String> shortLived = new RecentReads<>(Duration.ofMillis(30));
        shortLived.get("a", store);
        Thread.sleep(60);
        assertThat(shortLived.get("a", store)).isEqualTo("a#2");

        RecentReads<String, String> uncached = new RecentReads<>(Duration.ZERO);
        uncached.get("a", store);
        assertThat(uncached.get("a", store)).isEqualTo("a#4");
    }
}
