package id.kotacerdas.localstack.sinks;

import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server of the local stack: the project's mail sink ({@link id.kotacerdas.smsc.MailSink}, on
 * GreenMail), which accepts every mail for any recipient and hands each delivery, as it arrives, to the
 * {@link MailArchive} (one .eml per recipient, as a mailbox per recipient would hold it). The archive
 * keeps the mail; the sink itself keeps only the newest delivery.
 */
public final class MailSink implements AutoCloseable {

    public static final String PART = "smtp";

    private final id.kotacerdas.smsc.MailSink sink;
    private final MailArchive archive;

    private MailSink(id.kotacerdas.smsc.MailSink sink, MailArchive archive) {
        this.sink = sink;
        this.archive = archive;
    }

    public static MailSink start(String host, int port, MailArchive archive) {
        return new MailSink(id.kotacerdas.smsc.MailSink.start(host, port, 1, message -> archive(archive, message)), archive);
    }

    public MailArchive archive() {
        return archive;
    }

    public int port() {
        return sink.port();
    }

    /** On the SMTP session thread, before the client hears the mail was accepted. */
    private static void archive(MailArchive archive, MimeMessage message) {
        try {
            archive.store(message);
        } catch (RuntimeException e) {
            // the sender's mail still counts as delivered; the launcher keeps running
            System.err.println("mail archive: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
