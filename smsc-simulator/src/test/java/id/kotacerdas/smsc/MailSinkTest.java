package id.kotacerdas.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    @Test
    void aMultipartMailIsKeptWithSubjectTextAndHtml() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (MailSink sink = MailSink.start("127.0.0.1", port)) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("noreply@kotacerdas.id"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("warga@example.org"));
            message.setSubject("Laporan diterima", "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Terima kasih", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Terima kasih</p>", "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            Transport.send(message);

            ReceivedMail mail = sink.received().get(0);
            assertThat(mail.subject()).isEqualTo("Laporan diterima");
            assertThat(mail.to()).containsExactly("warga@example.org");
            assertThat(mail.text()).isEqualTo("Terima kasih");
            assertThat(mail.html()).isEqualTo("<p>Terima kasih</p>");
        }
    }
}
