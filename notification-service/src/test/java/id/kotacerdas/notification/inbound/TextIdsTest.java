package id.kotacerdas.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextIdsTest {

    private static final Instant START_OF_A_WINDOW = Instant.parse("2026-12-06T10:00:00Z");

    private final TextIds ids = new TextIds(Duration.ofMinutes(10));

    @Test
    void theSameTextFromTheSameNumberWithinAWindowOrInTheNextIsKnownAgain() {
        List<String> first = ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW.plusSeconds(30));

        assertThat(ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW.plusSeconds(590)).get(0))
                .as("later in the same window").isEqualTo(first.get(0));
        assertThat(ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW.plusSeconds(900)))
                .as("in the next window: its earlier id is the first one's").containsExactly(
                        ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW.plusSeconds(900)).get(0),
                        first.get(0));
        assertThat(ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW.plusSeconds(1200)))
                .as("two windows on: a new message").doesNotContain(first.get(0));
    }

    @Test
    void otherWordsAnotherNumberOrAnotherReceivingNumberAreAnotherText() {
        String id = ids.of("+6281234567890", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW).get(0);

        assertThat(ids.of("+6281234567890", "1708", "LAPOR jalan rusak.", START_OF_A_WINDOW)).doesNotContain(id);
        assertThat(ids.of("+6281234567891", "1708", "LAPOR jalan rusak", START_OF_A_WINDOW)).doesNotContain(id);
        assertThat(ids.of("+6281234567890", "1709", "LAPOR jalan rusak", START_OF_A_WINDOW)).doesNotContain(id);
    }

    @Test
    void withoutAWindowEveryTextIsItsOwnMessage() {
        TextIds none = new TextIds(Duration.ZERO);

        List<String> first = none.of("+6281234567890", "1708", "CEK MMK-2026-000123", START_OF_A_WINDOW);
        List<String> second = none.of("+6281234567890", "1708", "CEK MMK-2026-000123", START_OF_A_WINDOW);

        assertThat(first).hasSize(1).doesNotContainAnyElementsOf(second);
    }
}
