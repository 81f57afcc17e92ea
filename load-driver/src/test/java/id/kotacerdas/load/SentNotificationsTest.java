package id.kotacerdas.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationFailed;
import id.kotacerdas.contracts.notification.NotificationSent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SentNotificationsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-12-06T10:00:00Z");

    private final SentNotifications sent = new SentNotifications("load-run1-");

    @Test
    void eachRequestCountsOnceOnItsChannelAndWaitedFromItsPublicationUntilItsSentAt() {
        sent.published("load-run1-0", PUBLISHED);
        sent.published("load-run1-1", PUBLISHED);

        assertThat(sent.take(record("load-run1-0", NotificationEvents.SENT.type(), sentEvent("load-run1-0", Channel.SMS, 250))))
                .isTrue();
        assertThat(sent.take(record("load-run1-0", NotificationEvents.SENT.type(), sentEvent("load-run1-0", Channel.SMS, 900))))
                .as("a redelivered event of the same request").isFalse();
        assertThat(sent.take(record("load-run1-1", NotificationEvents.SENT.type(), sentEvent("load-run1-1", Channel.EMAIL, 750))))
                .isTrue();

        assertThat(sent.sms()).isEqualTo(1);
        assertThat(sent.emails()).isEqualTo(1);
        assertThat(sent.total()).isEqualTo(2);
        assertThat(sent.requestToSent().count()).isEqualTo(2);
        assertThat(sent.requestToSent().percentileMillis(0.5)).isEqualTo(250.0);
        assertThat(sent.requestToSent().percentileMillis(1.0)).isEqualTo(750.0);
    }

    @Test
    void eventsOfOtherRunsAndOtherOutcomesAreNotCounted() {
        sent.published("load-run1-0", PUBLISHED);

        assertThat(sent.take(record("load-run2-0", NotificationEvents.SENT.type(), sentEvent("load-run2-0", Channel.SMS, 10))))
                .isFalse();
        assertThat(sent.take(record("load-run1-0", NotificationEvents.FAILED.type(),
                new NotificationFailed("load-run1-0", Channel.SMS, "+62813****0000", "rejected",
                        PUBLISHED.plusMillis(10))))).isFalse();
        assertThat(sent.take(new ConsumerRecord<>("city.notifications.v1", 0, 0, "load-run1-0", new byte[0])))
                .as("no event type").isFalse();

        assertThat(sent.total()).isZero();
        assertThat(sent.requestToSent().count()).isZero();
    }

    private static NotificationSent sentEvent(String requestId, Channel channel, long millisAfterPublication) {
        return new NotificationSent(requestId, channel, "+62813****0000", "simulator", 1,
                PUBLISHED.plusMillis(millisAfterPublication));
    }

    private static ConsumerRecord<String, byte[]> record(String key, String type, CityEvent event) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("city.notifications.v1", 0, 0, key,
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
