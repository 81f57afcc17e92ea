package id.kotacerdas.notification.email;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections kept for the next message, so a busy sender does not pay connect, EHLO (and
 * STARTTLS, AUTH) and QUIT for every e-mail. A connection serves one message at a time; one that failed is
 * closed, one idle for longer than {@code maxIdle} is closed rather than trusted.
 */
class SmtpConnections implements DisposableBean {

    private static final Duration RECENT = Duration.ofSeconds(1);

    private final JavaMailSenderImpl sender;
    private final Duration maxIdle;
    private final Clock clock;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean open = true;

    SmtpConnections(JavaMailSenderImpl sender, Duration maxIdle, Clock clock) {
        this.sender = sender;
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    /** Sends over an open connection (opening one when none is free); Spring's exceptions as {@code send} would. */
    void send(MimeComposer.ComposedEmail email, InternetAddress from) {
        Transport transport = borrow();
        try {
            transport.sendMessage(new ComposedMimeMessage(sender.getSession(), from, email.content()),
                    new Address[] {email.recipient()});
        } catch (AuthenticationFailedException e) {
            close(transport);
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            close(transport);
            throw new MailSendException("SMTP send failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(transport);
            throw e;
        }
        giveBack(transport);
    }

    private Transport borrow() {
        Instant now = clock.instant();
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            // a connection used a moment ago is trusted; an older one is asked (NOOP) before it is reused
            boolean justUsed = candidate.since().isAfter(now.minus(RECENT));
            if (candidate.since().isAfter(now.minus(maxIdle)) && (justUsed || candidate.transport().isConnected())) {
                return candidate.transport();
            }
            close(candidate.transport());
        }
        try {
            Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp"
                    : sender.getProtocol());
            transport.connect(sender.getHost(), sender.getPort(), emptyAsNull(sender.getUsername()),
                    emptyAsNull(sender.getPassword()));
            return transport;
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new MailSendException("SMTP connection failed: " + e.getMessage(), e);
        }
    }

    private void giveBack(Transport transport) {
        if (open) {
            idle.offerFirst(new Idle(transport, clock.instant()));
        } else {
            close(transport);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // already broken: nothing to release
        }
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void destroy() {
        open = false;
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            close(candidate.transport());
        }
    }

    private record Idle(Transport transport, Instant since) {
    }
}
