package id.kotacerdas.election.crypto.group;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical encoding: a domain label, then items, each as a 4-byte big-endian length followed by its
 * bytes (strings as UTF-8, numbers as decimal strings, absent values as empty, base64 fields as their raw bytes,
 * lists as their element count followed by the elements). Output as lowercase hex.
 */
public final class CanonicalDigest {

    private final MessageDigest digest;

    private CanonicalDigest(String domain) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        string(domain);
    }

    public static CanonicalDigest of(String domain) {
        return new CanonicalDigest(domain);
    }

    public CanonicalDigest bytes(byte[] value) {
        int n = value.length;
        digest.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(value);
        return this;
    }

    public CanonicalDigest string(String value) {
        return bytes(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    public CanonicalDigest number(long value) {
        return string(Long.toString(value));
    }

    public CanonicalDigest bool(boolean value) {
        return string(value ? "true" : "false");
    }

    /** A base64 field (point or scalar), hashed as its raw bytes. */
    public CanonicalDigest base64(String value) {
        return bytes(Group.rawBytes(value));
    }

    /** A lowercase hex field (a hash), hashed as its raw bytes. */
    public CanonicalDigest hex(String value) {
        return bytes(Hex.decode(value));
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public byte[] digestBytes() {
        return digest.digest();
    }
}
