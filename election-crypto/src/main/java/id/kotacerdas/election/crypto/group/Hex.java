package id.kotacerdas.election.crypto.group;

import java.util.HexFormat;

/** Strict lowercase hex for hashes. */
public final class Hex {

    private Hex() {
    }

    public static byte[] decode(String hex) {
        if (hex == null || hex.length() % 2 != 0 || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidEncodingException("a hash must be lowercase hex");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException("a hash must be lowercase hex");
        }
    }
}
