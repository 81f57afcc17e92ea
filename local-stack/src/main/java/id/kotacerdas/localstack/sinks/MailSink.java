package id.kotacerdas.localstack.sinks;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that accepts every mail for any recipient and copies each one it
 * receives into the {@link MailArchive}.
 */
public final class MailSink implements AutoCloseable {

    public static final String PART = "smtp";

    private final GreenMail greenMail;
    private final MailArchive archive;
    private final ScheduledExecutorService archiver;
    private final Set<MimeMessage> archived = Collections.newSetFromMap(new IdentityHashMap<>());

    private MailSink(GreenMail greenMail, MailArchive archive) {
        this.greenMail = greenMail;
        this.archive = archive;
        this.archiver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-archiver");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static MailSink start(String host, int port, MailArchive archive) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailSink sink = new MailSink(greenMail, archive);
        sink.archiver.scheduleWithFixedDelay(sink::archiveNewMail, 200, 200, TimeUnit.MILLISECONDS);
        return sink;
    }

    public MailArchive archive() {
        return archive;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    synchronized void archiveNewMail() {
        try {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (!archived.contains(message)) {
                    archive.store(message);
                    archived.add(message);
                }
            }
        } catch (RuntimeException e) {
            // keep the archiver alive; the next round retries messages that were not stored
            System.err.println("mail archive: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        archiver.shutdown();
        archiveNewMail();
        greenMail.stop();
    }
}
