package id.kotacerdas.notification.email;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A message whose bytes were composed beforehand ({@link MimeComposer}), handed to JavaMail's SMTP transport as
 * is: the transport asks it for its sender and then has it write itself.
 */
final class ComposedMimeMessage extends MimeMessage {

    private final InternetAddress from;
    private final byte[] content;

    ComposedMimeMessage(Session session, InternetAddress from, byte[] content) {
        super(session);
        this.from = from;
        this.content = content;
    }

    /** The envelope sender ({@code MAIL FROM}), without parsing it back out of the bytes. */
    @Override
    public Address[] getFrom() {
        return new Address[] {from};
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(content);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        out.write(content);
    }

    @Override
    public int getSize() {
        return content.length;
    }
}
