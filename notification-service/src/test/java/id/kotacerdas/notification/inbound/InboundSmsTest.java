package id.kotacerdas.notification.inbound;

import static id.kotacerdas.testing.RecordedTopics.header;
import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import id.kotacerdas.testing.RecordedTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InboundSmsTest extends NotificationServiceTestBase {

    @Test
    void aTextedReportIsPublishedOnTheRestrictedInboundTopic() throws Exception {
        String phone = newPhone();
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            PRIMARY.injectMobileOriginated(normalized(phone), "1708", "LAPOR jalan rusak di Jl. Budi Utomo, Timika");

            ConsumerRecord<String, byte[]> record = inbound.awaitType(NotificationEvents.INBOUND_SMS_RECEIVED.type(),
                    json -> json.contains(phone), Duration.ofSeconds(60));
            assertThat(value(record)).contains("\"text\":\"LAPOR jalan rusak di Jl. Budi Utomo, Timika\"")
                    .contains("\"recipientNumber\":\"1708\"");
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        }
    }

    @Test
    void stopOptsOutOfNormalSmsButNotCriticalAndMulaiOptsBackIn() {
        String phone = newPhone();

        PRIMARY.injectMobileOriginated(normalized(phone), "1708", "stop");

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        assertThat(smsTo(phone).get(0).text()).startsWith("Anda tidak akan menerima SMS dari Kota Cerdas lagi");
        String normalRequest = newRequestId();
        publish(request(normalRequest, new Recipient("Yakobus", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "MMK-2026-000400"),
                NotificationPriority.NORMAL));
        String failed = value(notifications.awaitType(NotificationEvents.FAILED.type(),
                json -> json.contains(normalRequest), Duration.ofSeconds(60)));
        assertThat(failed).contains("\"reason\":\"opted-out\"");

        String criticalRequest = newRequestId();
        publish(request(criticalRequest, new Recipient("Yakobus", phone, null), List.of(Channel.SMS),
                NotificationTemplates.ELECTION_RESULTS, "id", Map.of("electionName", "Pilkades Kwamki 2026",
                        "villageName", "Kwamki", "resultsUrl", "https://kotacerdas.id/hasil"), NotificationPriority.CRITICAL));
        await().atMost(Duration.ofSeconds(60)).until(() -> smsTo(phone).size() == 2);
        assertThat(smsTo(phone)).extracting(sms -> sms.text()).noneMatch(text -> text.contains("MMK-2026-000400"));

        PRIMARY.injectMobileOriginated(normalized(phone), "1708", "MULAI");
        await().atMost(Duration.ofSeconds(60)).until(() -> smsTo(phone).size() == 3);
        String afterOptIn = newRequestId();
        publish(request(afterOptIn, new Recipient("Yakobus", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "MMK-2026-000401"),
                NotificationPriority.NORMAL));
        await().atMost(Duration.ofSeconds(60)).until(() -> smsTo(phone).size() == 4);
        assertThat(smsTo(phone)).extracting(sms -> sms.text())
                .anyMatch(text -> text.startsWith("Anda kembali menerima SMS"))
                .anyMatch(text -> text.contains("MMK-2026-000401"));
    }
}
