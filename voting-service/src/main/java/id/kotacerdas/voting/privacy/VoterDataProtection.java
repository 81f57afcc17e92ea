package id.kotacerdas.voting.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keeps voters' personal data unreadable at rest: the NIK only as a keyed hash (HMAC-SHA256, so the
 * 16-digit space cannot be brute-forced without the key) and names and phone numbers AES-GCM encrypted.
 */
@Component
public class VoterDataProtection {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec dataKey;
    private final SecretKeySpec nikHashKey;
    private final SecureRandom random = new SecureRandom();

    public VoterDataProtection(@Value("${kotacerdas.voting.data-key:${VOTING_DATA_KEY:}}") String dataKey,
                               @Value("${kotacerdas.voting.nik-hash-key:${VOTING_NIK_HASH_KEY:}}") String nikHashKey) {
        this.dataKey = new SecretKeySpec(decodeKey("VOTING_DATA_KEY", dataKey), "AES");
        this.nikHashKey = new SecretKeySpec(decodeKey("VOTING_NIK_HASH_KEY", nikHashKey), "HmacSHA256");
    }

    private static byte[] decodeKey(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(name + " must be set (base64 of 32 random bytes)");
        }
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException(name + " must decode to 32 bytes, not " + key.length);
        }
        return key;
    }

    public String nikHash(String nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nikHashKey);
            return HexFormat.of().formatHex(mac.doFinal(nik.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** @return base64 of IV followed by ciphertext and tag; null stays null */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String sealedBase64) {
        if (sealedBase64 == null) {
            return null;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(sealedBase64);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored voter data cannot be decrypted with the configured key", e);
        }
    }
}
