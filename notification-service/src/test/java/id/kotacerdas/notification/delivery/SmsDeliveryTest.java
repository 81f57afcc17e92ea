package id.kotacerdas.notification.delivery;

import static id.kotacerdas.testing.RecordedTopics.header;
import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import id.kotacerdas.smsc.ReceivedSms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SmsDeliveryTest extends NotificationServiceTestBase {

    @Autowired
    DeliveryStore store;

    @Test
    void aRequestBecomesOneSmsWithTheRightTextThenSentAndDeliveredEvents() {
        String phone = newPhone();
        String requestId = newRequestId();

        publish(request(requestId, new Recipient("Siti", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_RECEIVED, "id",
                Map.of("trackingNumber", "MMK-2026-000123", "serviceName", "Jalan rusak"), NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        ReceivedSms sms = smsTo(phone).get(0);
        assertThat(sms.text()).isEqualTo("Laporan MMK-2026-000123 (Jalan rusak) telah diterima. Kami akan meneruskannya "
                + "ke instansi terkait. Cek status: CEK MMK-2026-000123");
        assertThat(sms.from()).isEqualTo("1708");
        ConsumerRecord<String, byte[]> sent = notifications.awaitType(NotificationEvents.SENT.type(),
                json -> json.contains(requestId), Duration.ofSeconds(60));
        String masked = phone.substring(0, 6) + "****" + phone.substring(phone.length() - 4);
        assertThat(value(sent)).contains("\"maskedRecipient\":\"" + masked + "\"").doesNotContain(phone)
                .contains("\"channel\":\"SMS\"");
        assertThat(header(sent, "ce_subject")).isEqualTo(requestId);
        ConsumerRecord<String, byte[]> delivered = notifications.awaitType(NotificationEvents.DELIVERED.type(),
                json -> json.contains(requestId), Duration.ofSeconds(60));
        assertThat(value(delivered)).doesNotContain(phone);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                store.find(Delivery.idOf(requestId, Channel.SMS)).map(Delivery::state).orElse(null) == DeliveryState.DELIVERED);
    }

    @Test
    void theSameRequestDeliveredTwiceSendsOnce() {
        String phone = newPhone();
        String requestId = newRequestId();
        NotificationRequested request = request(requestId, new Recipient("Budi", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_ROUTED, "id",
                Map.of("trackingNumber", "BYS-2026-000007", "agencyName", "Dinas PUPR", "acknowledgeBy", "1 Des 2026"),
                NotificationPriority.NORMAL);

        publish(request, "event-" + requestId);
        publish(request, "event-" + requestId);
        publish(request, "another-event-same-request-" + requestId);

        notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(requestId),
                Duration.ofSeconds(60));
        publish(request);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> smsTo(phone).size() == 1);
        // the outbox is at-least-once: a relayed event may be relayed again, but always with the same event id
        assertThat(notifications.ofType(NotificationEvents.SENT.type()).stream()
                .filter(r -> value(r).contains(requestId)).map(r -> header(r, "ce_id")).distinct()).hasSize(1);
    }

    @Test
    void a300CharacterIndonesianTextArrivesWholeInThreeGsmParts() {
        String phone = newPhone();
        String requestId = newRequestId();
        String note = "Perbaikan jalan di Jl. Cenderawasih, Distrik Mimika Baru, telah selesai dikerjakan oleh tim "
                + "lapangan pada hari Kamis. Lubang sepanjang dua puluh meter sudah ditambal dengan aspal baru dan "
                + "saluran air di sisi kiri jalan sudah dibersihkan agar tidak tergenang lagi saat hujan deras turun.";

        publish(request(requestId, new Recipient("Yohanes", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_RESOLVED, "id",
                Map.of("trackingNumber", "MMK-2026-000300", "agencyName", "Dinas PUPR Kabupaten Mimika",
                        "resolutionNote", note), NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        ReceivedSms sms = smsTo(phone).get(0);
        String expected = "Laporan MMK-2026-000300 telah diselesaikan oleh Dinas PUPR Kabupaten Mimika: " + note;
        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(sms.text()).isEqualTo(expected);
        assertThat(sms.isUcs2()).isFalse();
        assertThat(sms.parts()).isEqualTo(3);
        notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(requestId),
                Duration.ofSeconds(60));
    }

    @Test
    void aTextWithAnEmojiArrivesWholeAsUcs2() {
        String phone = newPhone();
        String requestId = newRequestId();
        String note = "Lampu jalan sudah menyala lagi 💡 terima kasih atas laporannya, semoga lingkungan semakin aman 🙏";

        publish(request(requestId, new Recipient("Ni Luh", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_RESOLVED, "id",
                Map.of("trackingNumber", "BDG-2026-000042", "agencyName", "Dishub Kota Bandung", "resolutionNote", note),
                NotificationPriority.NORMAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        ReceivedSms sms = smsTo(phone).get(0);
        assertThat(sms.text()).isEqualTo("Laporan BDG-2026-000042 telah diselesaikan oleh Dishub Kota Bandung: " + note);
        assertThat(sms.isUcs2()).isTrue();
        assertThat(sms.parts()).isEqualTo(3);
    }

    @Test
    void aRequestWithoutATemplateGoesToTheDeadLetterTopic() throws Exception {
        String requestId = newRequestId();
        try (var deadLetters = id.kotacerdas.testing.RecordedTopics.of(brokers,
                id.kotacerdas.contracts.Topics.deadLetterOf(id.kotacerdas.contracts.Topics.NOTIFICATION_REQUESTS))) {
            publish(request(requestId, new Recipient("Tanpa Templat", newPhone(), null), List.of(Channel.SMS), null,
                    "id", Map.of(), NotificationPriority.NORMAL));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> requestId.equals(r.key()), Duration.ofSeconds(60));
            assertThat(value(dead)).contains(requestId);
        }
        assertThat(store.byRequestId(requestId)).isEmpty();
    }

    @Test
    void aSmsRequestForARecipientWithoutPhoneFailsWithAReason() {
        String requestId = newRequestId();

        publish(request(requestId, new Recipient("Tanpa Nomor", null, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_CLOSED, "en", Map.of("trackingNumber", "MMK-1"), NotificationPriority.NORMAL));

        ConsumerRecord<String, byte[]> failed = notifications.awaitType(NotificationEvents.FAILED.type(),
                json -> json.contains(requestId), Duration.ofSeconds(60));
        assertThat(value(failed)).contains("\"reason\":\"no-sms-address\"");
    }
}
