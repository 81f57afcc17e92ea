package id.kotacerdas.support.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of an identifier (a NIK, a phone number), hex-encoded: lets a service find and deduplicate by
 * the identifier without storing it; small spaces such as 16-digit NIKs cannot be brute-forced without the key.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    private KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public static KeyedHash fromBase64Key(String settingName, String base64Key) {
        return new KeyedHash(SecretKeys.decode(settingName, base64Key));
    }

    public String hexOf(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
