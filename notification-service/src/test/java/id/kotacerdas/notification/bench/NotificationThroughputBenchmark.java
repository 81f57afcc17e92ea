package id.kotacerdas.notification.bench;

import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceApplication;
import id.kotacerdas.store.EmbeddedStore;
import id.kotacerdas.smsc.MailSink;
import id.kotacerdas.smsc.SmscConfig;
import id.kotacerdas.smsc.SmscSimulator;
import id.kotacerdas.support.events.EventEnvelope;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: measures sustained SMS/s and e-mails/s through the whole service on this machine.
 * Starts a KRaft broker, an in-memory Mongo-wire store, the SMSC simulator and the mail sink,
 * runs notification-service against them with the provider rate limit lifted, warms up with {@code bench.warmup}
 * requests per channel, then pushes N requests per channel through Kafka and times them until the last one reached
 * its simulator. Each phase starts once every outcome event of the previous one is published; each prints its CPU
 * per message by component ({@link CpuAccount}) and, with {@code -Dbench.store-commands=true}, its store round trips
 * per message ({@link StoreCommands}).
 * <p>
 * Run: {@code ./mvnw -o -q -pl notification-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=id.kotacerdas.notification.bench.NotificationThroughputBenchmark
 * -Dbench.sms=5000 -Dbench.email=3000} (add {@code -Dbench.mongodb.uri=mongodb://...} to use a real MongoDB)
 */
public final class NotificationThroughputBenchmark {

    /** Both simulators count with a counter: read them often. */
    private static final Duration SMSC_POLL = Duration.ofMillis(5);
    private static final Duration MAIL_POLL = Duration.ofMillis(5);

    private NotificationThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int smsCount = Integer.getInteger("bench.sms", 5000);
        int emailCount = Integer.getInteger("bench.email", 3000);
        int warmUp = Integer.getInteger("bench.warmup", 1000);
        // the requests topic exists before the first send: an idempotent producer racing its creation can
        // loop on OUT_OF_ORDER_SEQUENCE_NUMBER and the run never starts
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 12, Topics.NOTIFICATION_REQUESTS);
        kafka.afterPropertiesSet();
        String externalMongo = System.getProperty("bench.mongodb.uri");
        EmbeddedStore mongo = externalMongo == null ? EmbeddedStore.inMemory() : null;
        String mongoUri = mongo == null ? externalMongo : "mongodb://127.0.0.1:" + mongo.bind().getPort();
        // both keep only the newest messages (they count all): a long run does not fill the heap
        SmscSimulator smsc = SmscSimulator.start(SmscConfig.of("bench", "bench")
                .withReceiptDelay(Duration.ofMillis(10)).withKeepAtMost(1_000));
        MailSink mail = MailSink.start("127.0.0.1", freePort(), 1_000);
        // command-line arguments, so they win over application.yml and the platform defaults
        Map<String, String> settings = Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("spring.kafka.bootstrap-servers", kafka.getBrokersAsString()),
                        Map.entry("spring.mongodb.uri", mongoUri),
                        Map.entry("spring.mongodb.database", "notification-bench-" + UUID.randomUUID()),
                        Map.entry("kotacerdas.kafka.partitions", "12"),
                        Map.entry("notification.consumer.concurrency", "6"),
                        Map.entry("notification.dispatch.sms-threads", "32"),
                        Map.entry("notification.dispatch.email-threads", "16"),
                        Map.entry("notification.sms.providers.primary.host", "127.0.0.1"),
                        Map.entry("notification.sms.providers.primary.port", String.valueOf(smsc.port())),
                        Map.entry("notification.sms.providers.primary.system-id", "bench"),
                        Map.entry("notification.sms.providers.primary.password", "bench"),
                        Map.entry("notification.sms.providers.primary.rate-per-second", "0"),
                        Map.entry("notification.sms.providers.secondary.enabled", "false"),
                        Map.entry("notification.dispatch.sweep-interval", "PT5S"),
                        Map.entry("notification.sms.providers.primary.max-concurrent", "32"),
                        Map.entry("spring.mail.host", "127.0.0.1"),
                        Map.entry("spring.mail.port", String.valueOf(mail.port())),
                        Map.entry("logging.level.root", "WARN"),
                        Map.entry("logging.structured.format.console", ""));
        // counting the store's commands makes the driver decode each one again: only when asked for
        StoreCommands storeCommands = Boolean.getBoolean("bench.store-commands") ? new StoreCommands() : null;
        ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(context -> {
                    if (storeCommands != null) {
                        context.getBeanFactory().registerSingleton("benchStoreCommands",
                                (MongoClientSettingsBuilderCustomizer) mongoSettings ->
                                        mongoSettings.addCommandListener(storeCommands));
                    }
                })
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "10",
                ProducerConfig.BATCH_SIZE_CONFIG, "131072"), new StringSerializer(), new ByteArraySerializer());
             OutcomeEvents outcomes = new OutcomeEvents(kafka.getBrokersAsString())) {
            waitUntil(() -> smsc.boundSessions(), 1, Duration.ofSeconds(60), SMSC_POLL);
            System.out.printf("warming up (%d SMS, %d e-mails)...%n", warmUp, warmUp);
            run(producer, warmUp, i -> smsRequest(i), smsc::submitCount, SMSC_POLL, Duration.ofMinutes(5));
            run(producer, warmUp, i -> emailRequest(i), mail::receivedCount, MAIL_POLL, Duration.ofMinutes(5));
            // each SMS ends with NotificationSent and NotificationDelivered, each e-mail with NotificationSent
            long expectedEvents = 3L * warmUp;
            outcomes.awaitAtLeast(expectedEvents);

            // CPU and store work are counted from a phase's first request to its last outcome event
            CpuAccount smsCpu = CpuAccount.start();
            Map<String, long[]> storeBefore = storeCommands == null ? null : storeCommands.snapshot();
            double smsPerSecond = run(producer, smsCount, i -> smsRequest(i), smsc::submitCount, SMSC_POLL,
                    Duration.ofMinutes(10));
            System.out.printf("SMS:    %d requests → %d submit_sm at the SMSC, %.0f SMS/s sustained%n", smsCount, smsCount,
                    smsPerSecond);
            expectedEvents += 2L * smsCount;
            outcomes.awaitAtLeast(expectedEvents);
            smsCpu.print("SMS phase", smsCount);
            if (storeCommands != null) {
                storeCommands.print(storeBefore, smsCount);
            }

            int mailsBefore = mail.receivedCount();
            CpuAccount emailCpu = CpuAccount.start();
            storeBefore = storeCommands == null ? null : storeCommands.snapshot();
            double emailsPerSecond = run(producer, emailCount, i -> emailRequest(i), mail::receivedCount, MAIL_POLL,
                    Duration.ofMinutes(10));
            System.out.printf("E-mail: %d requests → %d e-mails at the SMTP server, %.0f e-mails/s sustained%n", emailCount,
                    mail.receivedCount() - mailsBefore, emailsPerSecond);
            expectedEvents += emailCount;
            outcomes.awaitAtLeast(expectedEvents);
            emailCpu.print("E-mail phase", emailCount);
            if (storeCommands != null) {
                storeCommands.print(storeBefore, emailCount);
            }
            System.out.printf("Outcome events on %s: %d (expected at least %d)%n", Topics.NOTIFICATIONS,
                    outcomes.published(), expectedEvents);
        } finally {
            service.close();
            smsc.stop();
            mail.stop();
            if (mongo != null) {
                mongo.shutdownNow();
            }
            kafka.destroy();
        }
        System.exit(0);
    }

    /** Publishes {@code count} requests and returns messages per second from the first send to the last arrival. */
    private static double run(KafkaProducer<String, byte[]> producer, int count, IntFunction<NotificationRequested> request,
                              IntSupplier arrived, Duration poll, Duration limit) throws Exception {
        int before = arrived.getAsInt();
        long started = System.nanoTime();
        List<CompletableFuture<?>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NotificationRequested event = request.apply(i);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/kota-cerdas/bench",
                    EventCatalog.forEvent(event).type(), event.requestId(), Instant.now(), null, EventJson.write(event));
            CompletableFuture<Object> ack = new CompletableFuture<>();
            producer.send(envelope.toRecord(Topics.NOTIFICATION_REQUESTS), (metadata, error) -> ack.complete(metadata));
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        waitUntil(arrived, before + count, limit, poll);
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static NotificationRequested smsRequest(int i) {
        Instant now = Instant.now();
        return new NotificationRequested("bench-sms-" + UUID.randomUUID(),
                new Recipient("Warga " + i, "+62812" + String.format("%07d", i), null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_RECEIVED, "id",
                Map.of("trackingNumber", "MMK-2026-" + String.format("%06d", i), "serviceName", "Jalan rusak"),
                NotificationPriority.NORMAL, now, "bench", now);
    }

    private static NotificationRequested emailRequest(int i) {
        Instant now = Instant.now();
        return new NotificationRequested("bench-email-" + UUID.randomUUID(),
                new Recipient("Warga " + i, null, "warga" + i + "@example.org"), List.of(Channel.EMAIL),
                NotificationTemplates.REPORT_RECEIVED, "id",
                Map.of("trackingNumber", "MMK-2026-" + String.format("%06d", i), "serviceName", "Jalan rusak"),
                NotificationPriority.NORMAL, now, "bench", now);
    }

    private static void waitUntil(IntSupplier value, int atLeast, Duration limit, Duration poll)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (value.getAsInt() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + value.getAsInt() + " of " + atLeast + " arrived within " + limit);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
