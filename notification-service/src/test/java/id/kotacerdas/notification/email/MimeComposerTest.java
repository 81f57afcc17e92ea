package id.kotacerdas.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.notification.template.RenderedMessage;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailPreparationException;

/** The composed bytes are a MIME message that JavaMail reads back to exactly what was rendered. */
class MimeComposerTest {

    private final MimeComposer composer = new MimeComposer("Kota Cerdas <noreply@kotacerdas.id>", Clock.systemUTC());

    @Test
    void plainTextAndHtmlArriveWithSubjectSenderAndRecipient() throws Exception {
        RenderedMessage message = new RenderedMessage("sms", "Laporan MMK-2026-000001 telah kami terima",
                "Yth. Siti,\n\nLaporan Anda telah kami terima.", "<p>Yth. <strong>Siti</strong>,</p>");

        MimeMessage parsed = parse(composer.compose(" siti@example.org ", "request-1", message));

        assertThat(parsed.getSubject()).isEqualTo("Laporan MMK-2026-000001 telah kami terima");
        assertThat(parsed.getFrom()[0].toString()).isEqualTo("Kota Cerdas <noreply@kotacerdas.id>");
        assertThat(parsed.getAllRecipients()[0].toString()).isEqualTo("siti@example.org");
        assertThat(parsed.getHeader("X-Kota-Cerdas-Request")[0]).isEqualTo("request-1");
        assertThat(parsed.getMessageID()).endsWith("@kotacerdas.id>");
        assertThat(parsed.getSentDate()).isNotNull();
        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        assertThat(part(parsed, "text/plain")).isEqualTo("Yth. Siti,\n\nLaporan Anda telah kami terima.");
        assertThat(part(parsed, "text/html")).isEqualTo("<p>Yth. <strong>Siti</strong>,</p>");
    }

    @Test
    void aLongSubjectWithNamesInOtherScriptsAndEmojiIsEncodedAndFolded() throws Exception {
        String subject = "Terima kasih, Ni Luh Ayu Kadek Sukmawati — 谢谢 — laporan Anda tentang lampu jalan 💡 "
                + "di Jl. Cenderawasih sudah kami selesaikan";
        MimeComposer.ComposedEmail email = composer.compose("luh@example.org", "request-2",
                new RenderedMessage("sms", subject, "teks ✓", "<p>teks ✓</p>"));

        String headers = new String(email.content(), java.nio.charset.StandardCharsets.US_ASCII).split("\r\n\r\n")[0];
        assertThat(headers.lines()).allMatch(line -> line.length() <= 78);
        MimeMessage parsed = parse(email);
        assertThat(parsed.getSubject()).isEqualTo(subject);
        assertThat(part(parsed, "text/plain")).isEqualTo("teks ✓");
    }

    @Test
    void noParameterCanAddAHeader() throws Exception {
        MimeMessage parsed = parse(composer.compose("budi@example.org", "request-3\r\nBcc: spy@example.org",
                new RenderedMessage("sms", "Halo\r\nBcc: spy@example.org", "teks", "<p>teks</p>")));

        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getSubject()).isEqualTo("Halo\r\nBcc: spy@example.org");
        assertThat(parsed.getAllRecipients()).hasSize(1);
    }

    @Test
    void anythingButOneValidAddressIsRefusedBeforeSending() {
        RenderedMessage message = new RenderedMessage("sms", "s", "t", "<p>h</p>");
        for (String invalid : new String[] {"not an address", "a@example.org, b@example.org",
                "a@example.org\r\nBcc: spy@example.org", ""}) {
            assertThatThrownBy(() -> composer.compose(invalid, "request-4", message)).as(invalid)
                    .isInstanceOf(MailPreparationException.class);
        }
    }

    @Test
    void aDisplayNameGivenWithTheAddressIsLeftOut() throws Exception {
        MimeMessage parsed = parse(composer.compose("Budi \"Admin\" <budi@example.org>", "request-5",
                new RenderedMessage("sms", "s", "t", "<p>h</p>")));

        assertThat(parsed.getAllRecipients()[0].toString()).isEqualTo("budi@example.org");
    }

    private static MimeMessage parse(MimeComposer.ComposedEmail email) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(email.content()));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
