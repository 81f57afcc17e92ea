package id.kotacerdas.support.privacy;

import java.util.Base64;

/** Keys given to a service as settings: base64 of 32 random bytes, refused loudly when missing or malformed. */
public final class SecretKeys {

    public static final int KEY_BYTES = 32;

    private SecretKeys() {
    }

    /** @param settingName the environment variable the operator sets, named in the error */
    public static byte[] decode(String settingName, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(settingName + " is not set: give base64 of " + KEY_BYTES + " random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(settingName + " is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(settingName + " must decode to " + KEY_BYTES + " bytes, not " + key.length);
        }
        return key;
    }
}
