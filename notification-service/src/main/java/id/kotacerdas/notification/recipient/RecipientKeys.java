package id.kotacerdas.notification.recipient;

import java.util.Locale;
import id.kotacerdas.support.privacy.KeyedHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of phone numbers and e-mail addresses: operators look deliveries up by
 * recipient and opt-outs are kept per number without the lookup index being a list of numbers.
 */
@Component
public class RecipientKeys {

    private static final Logger log = LoggerFactory.getLogger(RecipientKeys.class);
    /** Only for a developer's machine: the local stack and production set NOTIFICATION_RECIPIENT_HASH_KEY. */
    static final String DEVELOPMENT_KEY = "a290YS1jZXJkYXMtZGV2ZWxvcG1lbnQtb25seS0wMDE=";

    private final KeyedHash hash;

    public RecipientKeys(@Value("${notification.recipient-hash-key:}") String base64Key) {
        String configured = base64Key == null || base64Key.isBlank() ? DEVELOPMENT_KEY : base64Key;
        if (configured.equals(DEVELOPMENT_KEY)) {
            log.warn("NOTIFICATION_RECIPIENT_HASH_KEY is not set: using the development key; set it in production");
        }
        this.hash = KeyedHash.fromBase64Key("NOTIFICATION_RECIPIENT_HASH_KEY", configured);
    }

    public String ofPhone(String phone) {
        String normalized = PhoneNumbers.normalize(phone);
        return normalized == null ? null : hash.hexOf("phone:" + normalized);
    }

    public String ofEmail(String email) {
        return email == null || email.isBlank() ? null : hash.hexOf("email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    /** The key of whatever an operator typed: an e-mail address if it has an @, a phone number otherwise. */
    public String ofAnyRecipient(String value) {
        return value != null && value.contains("@") ? ofEmail(value) : ofPhone(value);
    }
}
