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
import id.kotacerdas.notification.sms.EncodedSms;
import id.kotacerdas.notification.sms.MobileOriginated;
import id.kotacerdas.notification.sms.SmsEncoding;
import id.kotacerdas.smsc.Segmentation;
import id.kotacerdas.testing.RecordedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class InboundSmsTest extends NotificationServiceTestBase {

    @Autowired
    private InboundSmsService inboundSms;
    @Autowired
    private MongoTemplate mongo;

    /** 3 parts of GSM-7: the "{" (escape + code) straddles parts 1 and 2, as some handsets split it. */
    private static final String LONG_REPORT = "LAPOR " + "x".repeat(146) + "{jalan rusak} di Jl. Cenderawasih dekat "
            + "pasar lama Timika, lubang besar sudah tiga minggu, motor warga jatuh setiap hujan malam. Mohon segera "
            + "diperbaiki oleh dinas PUPR sebelum ada korban. Lokasi tepat di depan toko Sinar Jaya, arah bandara.";

    @Test
    void aTextedReportIsPublishedOnTheRestrictedInboundTopic() throws Exception {
        String phone = newPhone();
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            PRIMARY.injectMobileOriginated(normalized(phone), "1708", "LAPOR jalan rusak di Jl. Budi Utomo, Timika");

            ConsumerRecord<String, byte[]> record = awaitTextFrom(phone, inbound);
            assertThat(value(record)).contains("\"text\":\"LAPOR jalan rusak di Jl. Budi Utomo, Timika\"")
                    .contains("\"recipientNumber\":\"1708\"");
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        }
    }

    @Test
    void aTextTheSmscDeliversAgainReachesIntakeOnceButOtherWordsAreANewMessage() throws Exception {
        String phone = newPhone();
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            PRIMARY.injectMobileOriginated(normalized(phone), "1708", "LAPOR lampu jalan mati di Jl. Hasanuddin");
            awaitTextFrom(phone, inbound);
            // the same deliver_sm again, as an SMSC sends it when our deliver_sm_resp was lost
            PRIMARY.injectMobileOriginated(normalized(phone), "1708", "LAPOR lampu jalan mati di Jl. Hasanuddin");
            awaitNothingMoreFrom(phone, inbound, 1);

            PRIMARY.injectMobileOriginated(normalized(phone), "1708", "CEK MMK-2026-000777");
            inbound.awaitType(NotificationEvents.INBOUND_SMS_RECEIVED.type(),
                    json -> json.contains(phone) && json.contains("CEK MMK-2026-000777"), Duration.ofSeconds(60));
            awaitNothingMoreFrom(phone, inbound, 2);
            assertThat(mongo.getCollection(InboundMessage.COLLECTION).countDocuments(
                    new Document("sender", phone))).isEqualTo(2);
        }
    }

    @Test
    void aStopTheSmscDeliversAgainIsConfirmedOnce() {
        String phone = newPhone();

        PRIMARY.injectMobileOriginated(normalized(phone), "1708", "BERHENTI");
        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(phone).isEmpty());
        PRIMARY.injectMobileOriginated(normalized(phone), "1708", "BERHENTI");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> smsTo(phone).size() == 1);
        assertThat(smsTo(phone).get(0).text()).startsWith("Anda tidak akan menerima SMS dari Kota Cerdas lagi");
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

    @Test
    void aLongTextWhosePartsArriveOutOfOrderReachesIntakeAsOneMessage() throws Exception {
        String phone = newPhone();
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            int parts = PRIMARY.injectMobileOriginatedInParts(normalized(phone), "1708", LONG_REPORT, 42,
                    Segmentation.UDH_8BIT_REFERENCE, 3, 1, 2);

            assertThat(parts).isEqualTo(3);
            assertThat(value(awaitTextFrom(phone, inbound))).contains("\"text\":\"" + LONG_REPORT + "\"");
            awaitNothingMoreFrom(phone, inbound, 1);
        }
    }

    @Test
    void aLongUcs2TextWithACharacterSplitBetweenTwoPartsIsDecodedWhole() throws Exception {
        String phone = newPhone();
        String text = "Jembatan gantung di Kampung Nayaro putus, warga tak bisa ke pasar " + "\uD83D\uDE4F"
                + " mohon bantuan dinas secepatnya, anak-anak sekolah menyeberang sungai dengan perahu kecil. "
                + "Terima kasih Bapak/Ibu.";
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            int parts = PRIMARY.injectMobileOriginatedInParts(normalized(phone), "1708", text, 7,
                    Segmentation.SAR_TLVS, 2, 3, 1);

            ConsumerRecord<String, byte[]> record = awaitTextFrom(phone, inbound);
            assertThat(parts).isEqualTo(3);
            assertThat(text.indexOf('\uD83D')).isEqualTo(66); // its two UTF-16 units in parts 1 and 2
            assertThat(value(record)).contains("\"text\":\"" + text + "\"");
        }
    }

    @Test
    void partsDeliveredAgainAddNothingButAReusedReferenceStartsANewMessage() throws Exception {
        String phone = newPhone();
        String second = "LAPOR lampu jalan mati " + "di sepanjang Jl. Yos Sudarso ".repeat(11);
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            PRIMARY.injectMobileOriginatedInParts(normalized(phone), "1708", LONG_REPORT, 300,
                    Segmentation.UDH_16BIT_REFERENCE, 1, 2, 2, 3, 1, 3);
            awaitTextFrom(phone, inbound);
            awaitNothingMoreFrom(phone, inbound, 1);

            PRIMARY.injectMobileOriginatedInParts(normalized(phone), "1708", second, 300,
                    Segmentation.UDH_16BIT_REFERENCE, 2, 1, 1, 3);

            ConsumerRecord<String, byte[]> record = inbound.awaitType(NotificationEvents.INBOUND_SMS_RECEIVED.type(),
                    json -> json.contains(phone) && json.contains("Yos Sudarso"), Duration.ofSeconds(60));
            assertThat(value(record)).contains("\"text\":\"" + second.strip() + "\"");
            awaitNothingMoreFrom(phone, inbound, 2);
        }
    }

    @Test
    void aLongTextWhosePartNeverArrivesIsHandedOverAsFarAsItCameOnceTheWaitIsOver() throws Exception {
        String phone = newPhone();
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            Instant sent = Instant.now();
            PRIMARY.injectMobileOriginatedInParts(normalized(phone), "1708", LONG_REPORT, 9,
                    Segmentation.UDH_8BIT_REFERENCE, 1, 3);

            ConsumerRecord<String, byte[]> record = awaitTextFrom(phone, inbound);
            // part 1 ends with the escape of "{", whose code was in part 2; part 3 starts at octet 306 = character 304
            assertThat(value(record)).contains("\"text\":\"LAPOR " + "x".repeat(146) + " … "
                    + LONG_REPORT.substring(304) + "\"").doesNotContain("Cenderawasih");
            assertThat(Duration.ofMillis(record.timestamp() - sent.toEpochMilli()))
                    .as("waited for the missing part (segment-wait PT3S in tests)").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            awaitNothingMoreFrom(phone, inbound, 1);
        }
    }

    @Test
    void partsArrivingAtOnceOnSeveralSessionsGiveEachTextExactlyOnce() throws Exception {
        // as when the SMSC spreads a text's parts over the sessions of two instances: every part twice, six at once
        Map<String, String> textByPhone = new HashMap<>();
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String phone = newPhone();
            String text = LONG_REPORT.replace("pasar lama", "pasar nomor " + i);
            textByPhone.put(phone, text);
            EncodedSms encoded = SmsEncoding.encode(text);
            for (int copy = 0; copy < 2; copy++) {
                for (int part = 0; part < encoded.parts(); part++) {
                    MobileOriginated delivered = new MobileOriginated(normalized(phone), "1708", encoded.dataCoding(),
                            encoded.bodies().get(part), new MobileOriginated.Segment(i, encoded.parts(), part + 1));
                    deliveries.add(() -> {
                        inboundSms.onMobileOriginated("primary", delivered);
                        return null;
                    });
                }
            }
        }
        Collections.shuffle(deliveries, new Random(8));
        ExecutorService sessions = Executors.newFixedThreadPool(6);
        try (RecordedTopics inbound = RecordedTopics.of(brokers, Topics.INBOUND_SMS)) {
            for (Future<Void> delivery : sessions.invokeAll(deliveries)) {
                delivery.get();
            }

            textByPhone.forEach((phone, text) ->
                    assertThat(value(awaitTextFrom(phone, inbound))).contains("\"text\":\"" + text + "\""));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> inbound
                    .ofType(NotificationEvents.INBOUND_SMS_RECEIVED.type()).stream()
                    .filter(record -> textByPhone.keySet().stream().anyMatch(value(record)::contains))
                    .map(record -> header(record, "ce_id")).distinct().count() == textByPhone.size());
        } finally {
            sessions.shutdownNow();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitTextFrom(String phone, RecordedTopics inbound) {
        return inbound.awaitType(NotificationEvents.INBOUND_SMS_RECEIVED.type(), json -> json.contains(phone),
                Duration.ofSeconds(60));
    }

    private static void awaitNothingMoreFrom(String phone, RecordedTopics inbound, int expected) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> inbound
                .ofType(NotificationEvents.INBOUND_SMS_RECEIVED.type()).stream()
                .filter(record -> value(record).contains(phone)).count() == expected);
    }
}
