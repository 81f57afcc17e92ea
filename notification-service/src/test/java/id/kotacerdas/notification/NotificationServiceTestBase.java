package id.kotacerdas.notification;

import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.sms.SmsSender;
import id.kotacerdas.smsc.MailSink;
import id.kotacerdas.smsc.ReceivedMail;
import id.kotacerdas.smsc.ReceivedSms;
import id.kotacerdas.smsc.SmscConfig;
import id.kotacerdas.smsc.SmscSimulator;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against a real Kafka broker, the Mongo driver on an in-memory store, two real
 * SMPP servers (primary, secondary) and a real SMTP server. Every test class extends this one so
 * they all share one Spring context; tests tell their messages apart by unique phone numbers.
 */
@ServiceTest
public abstract class NotificationServiceTestBase {

    protected static final SmscSimulator PRIMARY = SmscSimulator.start(SmscConfig.of("kotacerdas", "kcsecret")
            .withReceiptDelay(Duration.ofMillis(20)));
    protected static final SmscSimulator SECONDARY = SmscSimulator.start(SmscConfig.of("kotacerdas", "kcsecret")
            .withReceiptDelay(Duration.ofMillis(20)));
    protected static final MailSink MAIL = MailSink.start("127.0.0.1", freePort());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("notification.sms.providers.primary.host", () -> "127.0.0.1");
        registry.add("notification.sms.providers.primary.port", PRIMARY::port);
        registry.add("notification.sms.providers.secondary.port", SECONDARY::port);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        // InboundSmsTest gives up on a long text's missing part within seconds, not minutes
        registry.add("notification.sms.inbound.segment-wait", () -> "PT3S");
        registry.add("notification.sms.inbound.segment-sweep-interval", () -> "PT1S");
    }

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;
    @Autowired
    protected CircuitBreakerRegistry circuitBreakers;
    @Autowired
    protected SmsSender smsSender;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String brokers;

    protected RecordedTopics notifications;

    @BeforeEach
    void freshProviders() {
        PRIMARY.behaveNormally();
        SECONDARY.behaveNormally();
        circuitBreakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
        await().atMost(Duration.ofSeconds(60)).until(() -> smsSender.bindings().values().stream().allMatch(b -> b));
        notifications = RecordedTopics.of(brokers, Topics.NOTIFICATIONS);
    }

    @AfterEach
    void stopRecording() throws InterruptedException {
        if (notifications != null) {
            notifications.close();
        }
    }

    protected static String newPhone() {
        return "+62812" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String normalized(String phone) {
        return phone.replace("+", "");
    }

    /** Every SMS either SMSC received for this phone, newest first. */
    protected static List<ReceivedSms> smsTo(String phone) {
        List<ReceivedSms> all = new ArrayList<>(PRIMARY.receivedFor(normalized(phone)));
        all.addAll(SECONDARY.receivedFor(normalized(phone)));
        return all;
    }

    protected static List<ReceivedMail> mailTo(String address) {
        return MAIL.received().stream().filter(m -> m.to().contains(address)).toList();
    }

    protected static NotificationRequested request(String requestId, Recipient recipient, List<Channel> channels,
                                                   String template, String locale, Map<String, String> parameters,
                                                   NotificationPriority priority) {
        Instant now = Instant.now();
        return new NotificationRequested(requestId, recipient, channels, template, locale, parameters, priority, now,
                "test", now);
    }

    protected static String newRequestId() {
        return "test-" + UUID.randomUUID();
    }

    /** Publishes the request as its producer's outbox relay would, with a fresh event id. */
    protected void publish(NotificationRequested request) {
        publish(request, UUID.randomUUID().toString());
    }

    protected void publish(NotificationRequested request, String eventId) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/kota-cerdas/test",
                EventCatalog.forEvent(request).type(), request.requestId(), Instant.now(), null, EventJson.write(request));
        kafka.send(envelope.toRecord(Topics.NOTIFICATION_REQUESTS)).join();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
