package id.kotacerdas.load;

import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes notification requests as another department would, half SMS and half e-mail, and measures how
 * fast notification-service turns them into sent messages at the SMSC and SMTP simulators.
 */
final class NotificationLoad {

    private NotificationLoad() {
    }

    /**
     * @param requests how many requests, half for SMS and half for e-mail
     * @param sent     how many of them got their message sent, and how fast
     * @param seconds  from the first request's publication to the last message sent
     */
    record Outcome(int requests, SentNotifications sent, double seconds) {

        double smsPerSecond() {
            return sent.sms() / seconds;
        }

        double emailsPerSecond() {
            return sent.emails() / seconds;
        }

        /** The figures, with each channel's rate as a share of the raw rate of its far end. */
        String summary(double smscCeiling, double smtpCeiling) {
            return String.format("""
                    Notifications: %,d requests -> %,d SMS and %,d e-mails sent in %.1f s: %,.0f SMS/s, %,.0f e-mails/s
                      request published -> sent to the SMSC or mail server %s
                      SMS = %s of the SMSC ceiling, e-mails = %s of the SMTP ceiling""",
                    requests, sent.sms(), sent.emails(), seconds, smsPerSecond(), emailsPerSecond(),
                    sent.requestToSent().summary(), share(smsPerSecond(), smscCeiling),
                    share(emailsPerSecond(), smtpCeiling));
        }

        private static String share(double rate, double ceiling) {
            return Double.isNaN(ceiling) ? "an unknown share" : String.format("%.0f %%", 100 * rate / ceiling);
        }
    }

    static Outcome run(String bootstrap, int requests) throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        SentNotifications sent = new SentNotifications(run);
        try (KafkaConsumer<String, byte[]> outcomes = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                     "acks", "all", "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = outcomes.partitionsFor(Topics.NOTIFICATIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            outcomes.assign(partitions);
            outcomes.seekToEnd(partitions);
            partitions.forEach(outcomes::position);

            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                Channel channel = i % 2 == 0 ? Channel.SMS : Channel.EMAIL;
                String requestId = run + i;
                Instant now = Instant.now();
                NotificationRequested request = new NotificationRequested(requestId,
                        new Recipient("Warga Uji", String.format("+62813%08d", i), "warga" + i + "@example.id"),
                        List.of(channel), NotificationTemplates.REPORT_RECEIVED, "id",
                        Map.of("trackingNumber", "MMK-2026-" + i, "serviceName", "Jalan rusak"),
                        NotificationPriority.NORMAL, null, "load-driver", now);
                sent.published(requestId, now);
                producer.send(record(request));
            }
            producer.flush();

            long lastSent = start;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (sent.total() < requests && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : outcomes.poll(Duration.ofMillis(100))) {
                    if (sent.take(record)) {
                        lastSent = System.nanoTime();
                    }
                }
            }
            return new Outcome(requests, sent, (lastSent - start) / 1e9);
        }
    }

    private static ProducerRecord<String, byte[]> record(NotificationRequested request) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS, request.requestId(),
                EventJson.write(request).getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/kota-cerdas/load-driver");
        header(record, "ce_type", NotificationEvents.REQUESTED.type());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", request.requestId());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
