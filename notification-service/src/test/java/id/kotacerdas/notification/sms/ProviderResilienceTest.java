package id.kotacerdas.notification.sms;

import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import id.kotacerdas.notification.delivery.Delivery;
import id.kotacerdas.notification.delivery.DeliveryState;
import id.kotacerdas.notification.delivery.DeliveryStore;
import id.kotacerdas.smsc.ReceivedMail;
import id.kotacerdas.smsc.ReceivedSms;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProviderResilienceTest extends NotificationServiceTestBase {

    private static final int THROTTLED = 0x58;

    @Autowired
    DeliveryStore store;

    @Test
    void anSmscDroppingTheSessionIsSurvivedByRebinding() {
        int bindsBefore = PRIMARY.bindCount();

        PRIMARY.dropSessions();

        await().atMost(Duration.ofSeconds(60)).until(() -> PRIMARY.bindCount() > bindsBefore && PRIMARY.boundSessions() == 1);
        String phone = newPhone();
        publish(request(newRequestId(), new Recipient("Agus", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_IN_PROGRESS, "id",
                Map.of("trackingNumber", "MMK-2026-000777", "agencyName", "DLH Mimika"), NotificationPriority.NORMAL));
        await().atMost(Duration.ofSeconds(60)).until(() -> !PRIMARY.receivedFor(normalized(phone)).isEmpty());
        assertThat(PRIMARY.receivedFor(normalized(phone)).get(0).text())
                .isEqualTo("Laporan MMK-2026-000777 sedang ditangani oleh DLH Mimika.");
    }

    @Test
    void aFailingSmscOpensItsCircuitAndTheSecondaryTakesOverUntilItRecovers() {
        PRIMARY.failWith(THROTTLED);
        String first = newPhone();
        String firstRequest = newRequestId();

        publish(smsRequest(firstRequest, first));

        await().atMost(Duration.ofSeconds(60)).until(() -> !SECONDARY.receivedFor(normalized(first)).isEmpty());
        assertThat(PRIMARY.receivedFor(normalized(first))).isEmpty();
        CircuitBreaker primaryCircuit = circuitBreakers.circuitBreaker("sms-primary");
        assertThat(primaryCircuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // the SMSC has the message a moment before the service has saved the provider's answer
        Delivery delivery = await().atMost(Duration.ofSeconds(30)).until(
                () -> store.find(Delivery.idOf(firstRequest, Channel.SMS)).orElseThrow(), d -> d.provider() != null);
        assertThat(delivery.provider()).isEqualTo("secondary");
        assertThat(delivery.attempts()).extracting(a -> a.provider() + ":" + a.outcome())
                .contains("primary:rejected", "secondary:accepted");

        String whileOpen = newPhone();
        publish(smsRequest(newRequestId(), whileOpen));
        await().atMost(Duration.ofSeconds(60)).until(() -> !SECONDARY.receivedFor(normalized(whileOpen)).isEmpty());

        PRIMARY.behaveNormally();
        await().atMost(Duration.ofSeconds(60)).until(() -> primaryCircuit.getState() != CircuitBreaker.State.OPEN);
        String afterRecovery = newPhone();
        publish(smsRequest(newRequestId(), afterRecovery));
        await().atMost(Duration.ofSeconds(60)).until(() -> !PRIMARY.receivedFor(normalized(afterRecovery)).isEmpty());
        assertThat(SECONDARY.receivedFor(normalized(afterRecovery))).isEmpty();
    }

    @Test
    void whenEverySmsProviderFailsTheRequestFallsBackToEmail() {
        PRIMARY.failWith(THROTTLED);
        SECONDARY.failWith(0x08);
        String phone = newPhone();
        String email = "fallback-" + UUID.randomUUID() + "@example.org";
        String requestId = newRequestId();

        publish(request(requestId, new Recipient("Maria", phone, email), List.of(Channel.SMS, Channel.EMAIL),
                NotificationTemplates.REPORT_ESCALATED, "id", Map.of("trackingNumber", "MMK-2026-000901", "level", "2"),
                NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo(email).isEmpty());
        ReceivedMail mail = mailTo(email).get(0);
        assertThat(mail.subject()).isEqualTo("Laporan MMK-2026-000901 dieskalasi");
        assertThat(smsTo(phone)).isEmpty();
        // the next channel is queued before the failed one is saved, so the e-mail can come first
        Delivery sms = await().atMost(Duration.ofSeconds(30)).until(
                () -> store.find(Delivery.idOf(requestId, Channel.SMS)).orElseThrow(), d -> d.state().isFinal());
        assertThat(sms.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(sms.fellBackTo()).isEqualTo(Channel.EMAIL);
        assertThat(sms.failureReason()).isEqualTo("all-sms-providers-failed");
        String sent = value(notifications.awaitType(NotificationEvents.SENT.type(), json -> json.contains(requestId),
                Duration.ofSeconds(60)));
        assertThat(sent).contains("\"channel\":\"EMAIL\"");
        assertThat(notifications.ofType(NotificationEvents.FAILED.type())).noneMatch(r -> value(r).contains(requestId));
    }

    @Test
    void anUndeliveredReceiptFailsTheSmsAndFallsBackToEmail() {
        PRIMARY.failDeliveries();
        SECONDARY.failDeliveries();
        String phone = newPhone();
        String email = "undeliv-" + UUID.randomUUID() + "@example.org";
        String requestId = newRequestId();

        publish(request(requestId, new Recipient("Paulus", phone, email), List.of(Channel.SMS, Channel.EMAIL),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "MMK-2026-000902"),
                NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo(email).isEmpty());
        assertThat(smsTo(phone)).hasSize(1);
        Delivery sms = await().atMost(Duration.ofSeconds(30)).until(
                () -> store.find(Delivery.idOf(requestId, Channel.SMS)).orElseThrow(), d -> d.state().isFinal());
        assertThat(sms.failureReason()).isEqualTo("undelivered: UNDELIV");
    }

    @Test
    void aSlowProviderDoesNotHoldUpOtherRequests() {
        PRIMARY.goSlow(Duration.ofSeconds(6));
        String phone = newPhone();
        String email = "cepat-" + UUID.randomUUID() + "@example.org";

        publish(smsRequest(newRequestId(), phone));
        publish(request(newRequestId(), new Recipient("Lina", null, email), List.of(Channel.EMAIL),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "BDG-2026-000903"),
                NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo(email).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        ReceivedSms sms = smsTo(phone).get(0);
        assertThat(mailTo(email).get(0).receivedAt()).isBefore(sms.receivedAt());
    }

    private static id.kotacerdas.contracts.notification.NotificationRequested smsRequest(String requestId, String phone) {
        return request(requestId, new Recipient("Warga", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "MMK-2026-000100"),
                NotificationPriority.NORMAL);
    }
}
