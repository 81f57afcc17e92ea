package id.kotacerdas.localstack.sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import id.kotacerdas.smsc.ReceivedSms;
import id.kotacerdas.smsc.Segmentation;
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
    private final ExecutorService archiver;
    private volatile String currentMode = "normal";

    private SmsSink(SmscSimulator simulator, SmsArchive archive, ExecutorService archiver) {
        this.simulator = simulator;
        this.archive = archive;
        this.archiver = archiver;
    }

    public static SmsSink start(String host, int port, String systemId, String password, SmsArchive archive) {
        // one thread, so the file keeps arrival order, and the SMSC answers submits without waiting on the disk
        ExecutorService archiver = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sms-archiver");
            thread.setDaemon(true);
            return thread;
        });
        // the archive keeps every message; the simulator itself need keep only the newest
        SmscSimulator simulator = SmscSimulator.start(
                new SmscConfig(host, port, systemId, password, Duration.ofMillis(200), 1),
                sms -> archiver.execute(() -> archiveOutbound(archive, sms)));
        return new SmsSink(simulator, archive, archiver);
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

    /**
     * Delivers a citizen's SMS to the platform's bound receiver, a long one in parts as a handset sends it, and keeps
     * it as an inbound item.
     */
    public SmsItem injectInbound(String from, String to, String text) {
        int parts = simulator.injectMobileOriginatedInParts(from, to, text,
                ThreadLocalRandom.current().nextInt(256), Segmentation.UDH_8BIT_REFERENCE);
        SmsItem item = new SmsItem("in-" + UUID.randomUUID(), Instant.now(), SmsItem.INBOUND, from, to, text, parts);
        archive.store(item);
        return item;
    }

    private static void archiveOutbound(SmsArchive archive, ReceivedSms sms) {
        try {
            archive.store(new SmsItem("out-" + sms.messageId(), sms.receivedAt(), SmsItem.OUTBOUND, sms.from(), sms.to(),
                    sms.text(), sms.parts()));
        } catch (RuntimeException e) {
            System.err.println("sms archive: " + e.getMessage());
        }
    }

    /** Stops taking messages, then archives the ones still waiting. */
    @Override
    public void close() {
        simulator.close();
        archiver.shutdown();
        try {
            archiver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
