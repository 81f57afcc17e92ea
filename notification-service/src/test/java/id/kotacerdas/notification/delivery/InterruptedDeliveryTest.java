package id.kotacerdas.notification.delivery;

import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InterruptedDeliveryTest extends NotificationServiceTestBase {

    @Autowired
    DeliveryStore store;

    @Test
    void aDeliveryLeftSendingByACrashIsNotSentAgainAndReportedAsUnknown() {
        String phone = newPhone();
        String requestId = newRequestId();
        var request = request(requestId, new Recipient("Kornelius", phone, "kornelius@example.org"),
                List.of(Channel.SMS, Channel.EMAIL), NotificationTemplates.REPORT_CLOSED, "id",
                Map.of("trackingNumber", "MMK-2026-000600"), NotificationPriority.NORMAL);
        // what a crash between "recorded SENDING" and "provider answered" leaves behind
        Delivery interrupted = Delivery.queue(request, Channel.SMS, List.of(), Instant.now().minus(Duration.ofHours(1)));
        interrupted.startSending("a-sender-that-crashed", Instant.now().minus(Duration.ofHours(1)));
        assertThat(store.insertIfAbsent(interrupted)).isTrue();

        String failed = value(notifications.awaitType(NotificationEvents.FAILED.type(), json -> json.contains(requestId),
                Duration.ofSeconds(60)));
        assertThat(failed).contains("outcome-unknown");

        publish(request);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> smsTo(phone).isEmpty() && mailTo("kornelius@example.org").isEmpty());
        Delivery resolved = store.find(Delivery.idOf(requestId, Channel.SMS)).orElseThrow();
        assertThat(resolved.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(resolved.attempts()).extracting(Attempt::outcome).containsExactly("started", "interrupted");
        assertThat(store.find(Delivery.idOf(requestId, Channel.EMAIL))).isEmpty();
    }

    @Test
    void aRequestNotBeforeAFutureTimeWaitsForIt() {
        String phone = newPhone();
        String requestId = newRequestId();
        Instant notBefore = Instant.now().plusSeconds(4);
        publish(new id.kotacerdas.contracts.notification.NotificationRequested(requestId,
                new Recipient("Esther", phone, null), List.of(Channel.SMS), NotificationTemplates.ELECTION_REMINDER, "en",
                Map.of("electionName", "Pilkades", "villageName", "Kwamki", "tpsName", "TPS 02", "date", "12 Dec 2026",
                        "opensAt", "07:00", "closesAt", "13:00"), NotificationPriority.NORMAL, notBefore, "test",
                Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        assertThat(smsTo(phone).get(0).receivedAt()).isAfterOrEqualTo(notBefore);
        assertThat(smsTo(phone).get(0).text()).startsWith("Reminder Pilkades: vote at TPS 02, Kwamki on 12 Dec 2026");
    }
}
