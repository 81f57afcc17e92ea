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
import id.kotacerdas.smsc.ReceivedMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailDeliveryTest extends NotificationServiceTestBase {

    @Test
    void aRequestBecomesOneEmailWithSubjectPlainTextAndHtml() {
        String email = "warga-" + UUID.randomUUID() + "@example.org";
        String requestId = newRequestId();

        publish(request(requestId, new Recipient("Dewi <Kartika>", null, email), List.of(Channel.EMAIL),
                NotificationTemplates.REPORT_RECEIVED, "en",
                Map.of("trackingNumber", "BDG-2026-000555", "serviceName", "Street lighting"), NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !mailTo(email).isEmpty());
        ReceivedMail mail = mailTo(email).get(0);
        assertThat(mail.subject()).isEqualTo("We received your report BDG-2026-000555");
        assertThat(mail.text()).startsWith("Dear Dewi <Kartika>,").contains("Street lighting")
                .contains("BDG-2026-000555");
        assertThat(mail.html()).contains("<strong>BDG-2026-000555</strong>").contains("Dewi &lt;Kartika&gt;")
                .contains("<html lang=\"en\">");
        assertThat(mail.from()).contains("noreply@kotacerdas.id");
        String sent = value(notifications.awaitType(NotificationEvents.SENT.type(), json -> json.contains(requestId),
                Duration.ofSeconds(60)));
        assertThat(sent).contains("\"channel\":\"EMAIL\"").contains("\"provider\":\"smtp\"").doesNotContain(email);
    }

    @Test
    void theSameEmailRequestDeliveredTwiceSendsOnce() {
        String email = "dua-kali-" + UUID.randomUUID() + "@example.org";
        String requestId = newRequestId();
        var request = request(requestId, new Recipient("Rahmat", null, email), List.of(Channel.EMAIL),
                NotificationTemplates.ELECTION_REMINDER, "id",
                Map.of("electionName", "Pilkades Kwamki 2026", "villageName", "Kwamki", "tpsName", "TPS 01",
                        "date", "12 Desember 2026", "opensAt", "07.00", "closesAt", "13.00"),
                NotificationPriority.NORMAL);

        publish(request);
        publish(request);

        notifications.awaitType(NotificationEvents.SENT.type(), json -> json.contains(requestId), Duration.ofSeconds(60));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailTo(email).size() == 1);
        assertThat(mailTo(email).get(0).subject()).isEqualTo("Pengingat: Pilkades Kwamki 2026 pada 12 Desember 2026");
    }
}
