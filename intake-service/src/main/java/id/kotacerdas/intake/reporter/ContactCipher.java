package id.kotacerdas.intake.reporter;

import id.kotacerdas.support.privacy.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals reporter contacts at rest with the key from {@code INTAKE_CONTACT_KEY}. Each value is bound to its
 * owner's id, so a sealed contact copied onto another document does not open.
 */
@Component
public class ContactCipher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldCipher cipher;

    public ContactCipher(@Value("${kotacerdas.intake.contact-key:}") String base64Key) {
        this.cipher = FieldCipher.fromBase64Key("INTAKE_CONTACT_KEY", base64Key);
    }

    public String seal(Contact contact, String ownerId) {
        return seal(JSON.writeValueAsString(contact), ownerId);
    }

    public Contact openContact(String sealed, String ownerId) {
        return JSON.readValue(open(sealed, ownerId), Contact.class);
    }

    public String seal(String plaintext, String ownerId) {
        return cipher.seal(plaintext, ownerId);
    }

    public String open(String sealed, String ownerId) {
        return cipher.open(sealed, ownerId);
    }
}
