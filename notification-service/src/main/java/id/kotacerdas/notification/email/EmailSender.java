package id.kotacerdas.notification.email;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.notification.delivery.Attempt;
import id.kotacerdas.notification.delivery.ChannelSender;
import id.kotacerdas.notification.delivery.Delivery;
import id.kotacerdas.notification.delivery.SendOutcome;
import id.kotacerdas.notification.template.RenderedMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Spring Mail; host, port, TLS and credentials from {@code spring.mail.*}): a
 * multipart/alternative message with the template's subject, plain text and HTML, composed straight to its bytes
 * ({@link MimeComposer}). Transient SMTP failures are retried with back-off behind a circuit breaker. Connections
 * are kept open and reused ({@link SmtpConnections}); the dispatcher sends over several of them at once.
 */
@Component
public class EmailSender implements ChannelSender, DisposableBean {

    static final String PROVIDER = "smtp";

    private final JavaMailSender mail;
    private final MimeComposer composer;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    /** Reused connections when the sender is Spring's JavaMail implementation (always, outside odd set-ups). */
    private final SmtpConnections connections;

    public EmailSender(JavaMailSender mail, EmailProperties properties, RetryRegistry retries,
                       CircuitBreakerRegistry circuitBreakers, Clock clock) {
        this.mail = mail;
        this.composer = new MimeComposer(properties.from(), clock);
        this.connections = mail instanceof JavaMailSenderImpl impl
                ? new SmtpConnections(impl, properties.connectionMaxIdle(), clock) : null;
        this.retry = retries.retry("email-smtp", RetryConfig.from(retries.getDefaultConfig())
                .retryOnException(e -> e instanceof MailException
                        && !(e instanceof MailAuthenticationException) && !(e instanceof MailPreparationException))
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker("email-smtp");
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean hasAddress(Delivery delivery) {
        return delivery.email() != null && delivery.email().contains("@");
    }

    @Override
    public SendOutcome send(Delivery delivery, RenderedMessage message) {
        List<Attempt> answers = Collections.synchronizedList(new ArrayList<>());
        try {
            MimeComposer.ComposedEmail email = composer.compose(delivery.email(), delivery.requestId(), message);
            Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(circuitBreaker, () -> {
                try {
                    transmit(email);
                } catch (MailException e) {
                    answers.add(Attempt.of(PROVIDER, "rejected", e.getClass().getSimpleName()));
                    throw e;
                }
            })).run();
            answers.add(Attempt.of(PROVIDER, "accepted", "SMTP server accepted the message"));
            return new SendOutcome.Accepted(PROVIDER, 1, List.of(), List.copyOf(answers));
        } catch (CallNotPermittedException e) {
            answers.add(Attempt.of(PROVIDER, "circuit-open", "circuit breaker open"));
        } catch (MailPreparationException e) {
            answers.add(Attempt.of(PROVIDER, "rejected", "invalid e-mail address"));
        } catch (MailException e) {
            // the SMTP conversation failed before the server took the message
        }
        return new SendOutcome.Refused("smtp-failed", List.copyOf(answers));
    }

    private void transmit(MimeComposer.ComposedEmail email) {
        if (connections != null) {
            connections.send(email, composer.from());
        } else {
            mail.send(mail.createMimeMessage(new ByteArrayInputStream(email.content())));
        }
    }

    @Override
    public void destroy() {
        if (connections != null) {
            connections.destroy();
        }
    }
}
