package id.kotacerdas.notification.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from                the sender address of every e-mail ({@code SMTP_FROM})
 * @param connectionMaxIdle   an open SMTP connection unused for longer than this is closed instead of reused
 *                            (stay below the server's idle timeout)
 */
@ConfigurationProperties("notification.email")
public record EmailProperties(String from, Duration connectionMaxIdle) {

    public EmailProperties {
        from = from == null || from.isBlank() ? "Kota Cerdas <noreply@kotacerdas.id>" : from;
        connectionMaxIdle = connectionMaxIdle == null ? Duration.ofSeconds(10) : connectionMaxIdle;
    }
}
