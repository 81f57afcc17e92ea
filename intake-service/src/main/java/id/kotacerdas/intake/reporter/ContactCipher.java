package id.kotacerdas.intake.reporter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Seals reporter contacts at rest with AES-256-GCM. The key comes from {@code INTAKE_CONTACT_KEY} (base64 of
 * 32 bytes). Each value is bound to its owner's id as associated data, so a sealed contact copied onto
 * another document does not open.
 */
@Component
public class ContactCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public ContactCipher(@Value("${kotacerdas.intake.contact-key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("INTAKE_CONTACT_KEY is not set: give base64 of 32 random bytes");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("INTAKE_CONTACT_KEY is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("INTAKE_CONTACT_KEY must be 32 bytes, got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(Contact contact, String ownerId) {
        return seal(JSON.writeValueAsString(contact), ownerId);
    }

    public Contact openContact(String sealed, String ownerId) {
        return JSON.readValue(open(sealed, ownerId), Contact.class);
    }

    public String seal(String plaintext, String ownerId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal contact", e);
        }
    }

    public String open(String sealed, String ownerId) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open sealed contact (wrong INTAKE_CONTACT_KEY?)", e);
        }
    }
}
