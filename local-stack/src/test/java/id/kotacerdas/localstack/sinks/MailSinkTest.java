package id.kotacerdas.localstack.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import id.kotacerdas.localstack.FreePorts;

class MailSinkTest {

    @TempDir
    Path dir;

    @Test
    void aMailSentOverSmtpIsKeptAsAnEmlFileAndStillListedAfterARestart() throws Exception {
        int port = FreePorts.next();
        try (MailSink sink = MailSink.start("127.0.0.1", port, new MailArchive(dir))) {
            send(port, "warga@example.org", "Laporan MMK-0001 diterima", "Terima kasih, laporan Anda sudah kami terima.");
            send(port, "petugas@example.org", "Tugas baru", "Ada laporan jalan rusak di Timika.");
            await().atMost(Duration.ofSeconds(30)).until(() -> emlFiles() == 2);
        }
        assertThat(emlFiles()).as("each mail archived once").isEqualTo(2);

        try (MailSink restarted = MailSink.start("127.0.0.1", port, new MailArchive(dir))) {
            assertThat(restarted.archive().newestFirst(10))
                    .extracting(MailItem::subject)
                    .containsExactly("Tugas baru", "Laporan MMK-0001 diterima");
            MailItem first = restarted.archive().newestFirst(10).get(1);
            assertThat(first.to()).containsExactly("warga@example.org");
            assertThat(first.from()).isEqualTo("noreply@kotacerdas.local");
            assertThat(first.text()).contains("laporan Anda sudah kami terima");
        }
    }

    @Test
    void eachDeliveryIsArchivedBeforeTheSendReturnsOncePerRecipientWithoutAPollingThread() throws Exception {
        int port = FreePorts.next();
        try (MailSink sink = MailSink.start("127.0.0.1", port, new MailArchive(dir))) {
            send(port, "warga@example.org", "Laporan MMK-0002 diterima", "Terima kasih.");
            assertThat(emlFiles()).as("archived while the SMTP exchange was still open").isEqualTo(1);

            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(port));
            MimeMessage both = new MimeMessage(Session.getInstance(properties));
            both.setFrom(new InternetAddress("noreply@kotacerdas.local"));
            both.setRecipient(Message.RecipientType.TO, new InternetAddress("siti@example.org"));
            both.addRecipient(Message.RecipientType.CC, new InternetAddress("budi@example.org"));
            both.setSubject("Untuk berdua", "UTF-8");
            both.setText("Rapat RT besok pagi.", "UTF-8");
            Transport.send(both);

            assertThat(emlFiles()).as("one file per recipient, as a mailbox each would hold it").isEqualTo(3);
            assertThat(sink.archive().newestFirst(10)).extracting(MailItem::subject)
                    .containsExactly("Untuk berdua", "Untuk berdua", "Laporan MMK-0002 diterima");
            assertThat(sink.archive().newestFirst(1).get(0).text()).contains("Rapat RT besok pagi.");
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("mail-archiver");
        }
    }

    private long emlFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    static void send(int port, String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@kotacerdas.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
        // distinct arrival times keep the newest-first order of the archive unambiguous
        Thread.sleep(5);
    }
}
