package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fiat-Shamir transcript: SHA-512 over a domain label and items, each item written as a 4-byte big-endian length
 * followed by its bytes, so no two different statements share an encoding. The challenge is the 512-bit digest
 * reduced modulo the group order (negligible bias).
 */
public final class Transcript {

    private final MessageDigest digest;

    private Transcript(String domain) {
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        string(domain);
    }

    public static Transcript of(String domain) {
        return new Transcript(domain);
    }

    public Transcript bytes(byte[] value) {
        int n = value.length;
        digest.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(value);
        return this;
    }

    public Transcript string(String value) {
        return bytes(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    public Transcript number(long value) {
        return string(Long.toString(value));
    }

    public Transcript point(ECPoint point) {
        return bytes(Group.pointBytes(point));
    }

    public Transcript scalar(BigInteger value) {
        return bytes(Group.scalarBytes(value));
    }

    public BigInteger challenge() {
        return new BigInteger(1, digest.digest()).mod(Group.ORDER);
    }
}
