package id.kotacerdas.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address of every e-mail ({@code SMTP_FROM})
 */
@ConfigurationProperties("notification.email")
public record EmailProperties(String from) {

    public EmailProperties {
        from = from == null || from.isBlank() ? "Kota Cerdas <noreply@kotacerdas.id>" : from;
    }
}
