package id.kotacerdas.localstack.sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import id.kotacerdas.smsc.ReceivedSms;
import id.kotacerdas.smsc.SmscConfig;
import id.kotacerdas.smsc.SmscSimulator;

/**
 * The SMPP server of the local stack: the project's SMSC simulator (delivery receipts included), with
 * every message it receives copied into the {@link SmsArchive}.
 */
public final class SmsSink implements AutoCloseable {

    public static final String PART = "smpp";

    /** How the SMSC behaves from now on; see {@link #apply(Mode)}. */
    public record Mode(String name, Integer commandStatus, Duration delay) {

        public static Mode parse(String name, String status, String delayMs) {
            String normalised = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (normalised) {
                case "normal", "fail", "slow", "undeliverable", "drop" -> new Mode(normalised,
                        status == null || status.isBlank() ? null : Integer.decode(status.trim()),
                        delayMs == null || delayMs.isBlank() ? null : Duration.ofMillis(Long.parseLong(delayMs.trim())));
                default -> throw new IllegalArgumentException(
                        "mode must be one of normal, fail, slow, undeliverable, drop");
            };
        }
    }

    private final SmscSimulator simulator;
    private final SmsArchive archive;
    private final ScheduledExecutorService archiver;
    private volatile String currentMode = "normal";

    private SmsSink(SmscSimulator simulator, SmsArchive archive) {
        this.simulator = simulator;
        this.archive = archive;
        this.archiver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sms-archiver");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static SmsSink start(String host, int port, String systemId, String password, SmsArchive archive) {
        SmscSimulator simulator = SmscSimulator.start(new SmscConfig(host, port, systemId, password,
                Duration.ofMillis(200), 10_000));
        SmsSink sink = new SmsSink(simulator, archive);
        sink.archiver.scheduleWithFixedDelay(sink::archiveNewSms, 200, 200, TimeUnit.MILLISECONDS);
        return sink;
    }

    public int port() {
        return simulator.port();
    }

    public SmsArchive archive() {
        return archive;
    }

    public String mode() {
        return currentMode;
    }

    public synchronized void apply(Mode mode) {
        simulator.behaveNormally();
        switch (mode.name()) {
            // 0x58 = ESME_RTHROTTLED, the failure a real SMSC most often answers under load
            case "fail" -> simulator.failWith(mode.commandStatus() == null ? 0x58 : mode.commandStatus());
            case "slow" -> simulator.goSlow(mode.delay() == null ? Duration.ofSeconds(3) : mode.delay());
            case "undeliverable" -> simulator.failDeliveries();
            case "drop" -> simulator.dropSessions();
            default -> {
                // normal: behaveNormally() above
            }
        }
        currentMode = "drop".equals(mode.name()) ? "normal" : mode.name();
    }

    /** Delivers a citizen's SMS to the platform's bound receiver, and keeps it as an inbound item. */
    public SmsItem injectInbound(String from, String to, String text) {
        simulator.injectMobileOriginated(from, to, text);
        SmsItem item = new SmsItem("in-" + UUID.randomUUID(), Instant.now(), SmsItem.INBOUND, from, to, text, 1);
        archive.store(item);
        return item;
    }

    void archiveNewSms() {
        try {
            // received() is newest first; archive oldest first so the file stays in arrival order
            java.util.List<ReceivedSms> oldestFirst = new java.util.ArrayList<>(simulator.received());
            java.util.Collections.reverse(oldestFirst);
            for (ReceivedSms sms : oldestFirst) {
                String id = "out-" + sms.messageId();
                if (!archive.contains(id)) {
                    archive.store(new SmsItem(id, sms.receivedAt(), SmsItem.OUTBOUND, sms.from(), sms.to(), sms.text(), sms.parts()));
                }
            }
        } catch (RuntimeException e) {
            System.err.println("sms archive: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        archiver.shutdown();
        archiveNewSms();
        simulator.close();
    }
}
