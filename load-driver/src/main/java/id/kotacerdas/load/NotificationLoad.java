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
import org.apache.kafka.common.header.Header;
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

    static void run(String bootstrap, int requests) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
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
                String requestId = "load-" + run + "-" + i;
                NotificationRequested request = new NotificationRequested(requestId,
                        new Recipient("Warga Uji", String.format("+62813%08d", i), "warga" + i + "@example.id"),
                        List.of(channel), NotificationTemplates.REPORT_RECEIVED, "id",
                        Map.of("trackingNumber", "MMK-2026-" + i, "serviceName", "Jalan rusak"),
                        NotificationPriority.NORMAL, null, "load-driver", Instant.now());
                producer.send(record(request));
            }
            producer.flush();

            java.util.Set<String> smsSent = new java.util.HashSet<>();
            java.util.Set<String> emailsSent = new java.util.HashSet<>();
            long lastSent = start;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (smsSent.size() + emailsSent.size() < requests && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : outcomes.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (record.key() != null && record.key().startsWith("load-" + run) && type != null
                            && NotificationEvents.SENT.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        String channel = EventJson.MAPPER.readTree(record.value()).path("channel").asString();
                        // at-least-once: a repeated outcome event for the same request counts once
                        (("SMS".equals(channel)) ? smsSent : emailsSent).add(record.key());
                        lastSent = System.nanoTime();
                    }
                }
            }
            int sms = smsSent.size();
            int email = emailsSent.size();
            double seconds = (lastSent - start) / 1e9;
            System.out.printf("Notifications: %,d requests -> %,d SMS and %,d e-mails sent in %.1f s: %,.0f SMS/s, %,.0f e-mails/s%n",
                    requests, sms, email, seconds, sms / seconds, email / seconds);
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
