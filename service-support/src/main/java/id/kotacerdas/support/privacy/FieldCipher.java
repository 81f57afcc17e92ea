package id.kotacerdas.support.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals personal data at rest with AES-256-GCM: base64 of a random 96-bit IV followed by ciphertext and tag.
 * Associated data (e.g. the owning document's id) binds a sealed value to its place, so a value copied onto
 * another document does not open. Thread-safe.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private FieldCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param settingName the environment variable holding the key, named when it is missing or malformed */
    public static FieldCipher fromBase64Key(String settingName, String base64Key) {
        return new FieldCipher(SecretKeys.decode(settingName, base64Key));
    }

    /** @return the sealed value; null stays null */
    public String seal(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytes(associatedData));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key or associated data, or changed */
    public String open(String sealed, String associatedData) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(bytes(associatedData));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value does not open with the configured key", e);
        }
    }

    private static byte[] bytes(String associatedData) {
        return associatedData == null ? new byte[0] : associatedData.getBytes(StandardCharsets.UTF_8);
    }
}
