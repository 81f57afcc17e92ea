package id.kotacerdas.election.crypto.group;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The election group: NIST P-256 (secp256r1, FIPS 186-5 / SEC 2), a prime-order curve with ~128-bit security.
 * Points travel as base64 of their SEC 1 uncompressed encoding (65 bytes; the point at infinity is the single byte 0):
 * decoding then costs an on-curve check instead of a square root, which halves the verifier's work. Scalars travel as
 * base64 of 32 big-endian bytes, always reduced modulo the group order.
 */
public final class Group {

    public static final String NAME = "P-256";
    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    public static final ECCurve CURVE = PARAMETERS.getCurve();
    public static final BigInteger ORDER = PARAMETERS.getN();
    public static final ECPoint GENERATOR = PARAMETERS.getG().normalize();
    public static final ECPoint INFINITY = CURVE.getInfinity();

    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    /**
     * Batch weights are drawn very often: a per-thread DRBG avoids the shared /dev/urandom lock, and drawing its
     * output 4 KiB at a time avoids the DRBG's per-call cost (every weight still comes from fresh DRBG output).
     */
    private static final ThreadLocal<RandomBuffer> WEIGHTS = ThreadLocal.withInitial(RandomBuffer::new);

    static {
        FixedPointUtil.precompute(GENERATOR);
    }

    private Group() {
    }

    /** k·G with the precomputed comb table. */
    public static ECPoint timesGenerator(BigInteger k) {
        return COMB.multiply(GENERATOR, k.mod(ORDER));
    }

    /** k·base with a comb table cached on this very point instance: use for long-lived bases (the election key). */
    public static ECPoint timesFixed(ECPoint base, BigInteger k) {
        if (base.isInfinity()) {
            return INFINITY;
        }
        return COMB.multiply(base, k.mod(ORDER));
    }

    /** Prepares a long-lived base point for {@link #timesFixed}; returns the normalized instance to keep. */
    public static ECPoint fixedBase(ECPoint base) {
        ECPoint normalized = base.normalize();
        if (!normalized.isInfinity()) {
            FixedPointUtil.precompute(normalized);
        }
        return normalized;
    }

    public static BigInteger randomScalar() {
        return BigIntegers.createRandomInRange(BigInteger.ONE, ORDER.subtract(BigInteger.ONE), RANDOM.get());
    }

    /** A uniformly random non-zero value below 2^{@code bits} (verifier weights for batch checks). */
    public static BigInteger randomBits(int bits) {
        if (bits <= 0) {
            throw new IllegalArgumentException("bits must be positive");
        }
        RandomBuffer random = WEIGHTS.get();
        byte[] bytes = new byte[(bits + 7) / 8];
        int excess = 8 * bytes.length - bits;
        BigInteger value;
        do {
            random.nextBytes(bytes);
            bytes[0] &= (byte) (0xff >>> excess);
            value = new BigInteger(1, bytes);
        } while (value.signum() == 0);
        return value;
    }

    /** Hands out a DRBG's output in small pieces, drawing it in blocks. */
    private static final class RandomBuffer {
        private final SecureRandom drbg = drbg();
        private final byte[] block = new byte[4096];
        private int position = block.length;

        void nextBytes(byte[] out) {
            int done = 0;
            while (done < out.length) {
                if (position == block.length) {
                    drbg.nextBytes(block);
                    position = 0;
                }
                int take = Math.min(out.length - done, block.length - position);
                System.arraycopy(block, position, out, done, take);
                java.util.Arrays.fill(block, position, position + take, (byte) 0);
                position += take;
                done += take;
            }
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static byte[] pointBytes(ECPoint point) {
        return point.isInfinity() ? new byte[]{0} : point.getEncoded(false);
    }

    public static String encode(ECPoint point) {
        return B64.encodeToString(pointBytes(point));
    }

    /** Decodes and validates (on the curve; cofactor 1, so in the group); throws {@link InvalidEncodingException}. */
    public static ECPoint decodePoint(String base64) {
        return decodePoint(rawBytes(base64));
    }

    /**
     * Decodes and validates the raw bytes of a point (what {@link #rawBytes} returns for a point field): coordinates
     * below p and y² = x³ − 3x + b; throws {@link InvalidEncodingException}.
     */
    public static ECPoint decodePoint(byte[] bytes) {
        if (bytes.length == 1 && bytes[0] == 0) {
            return INFINITY;
        }
        P256Arithmetic.decodeFinite(bytes, new int[16], 0);
        return CURVE.createPoint(new BigInteger(1, bytes, 1, 32), new BigInteger(1, bytes, 33, 32));
    }

    public static byte[] scalarBytes(BigInteger scalar) {
        return BigIntegers.asUnsignedByteArray(32, scalar.mod(ORDER));
    }

    public static String encode(BigInteger scalar) {
        return B64.encodeToString(scalarBytes(scalar));
    }

    public static BigInteger decodeScalar(String base64) {
        byte[] bytes = rawBytes(base64);
        if (bytes.length != 32) {
            throw new InvalidEncodingException("a scalar must be 32 bytes");
        }
        BigInteger value = new BigInteger(1, bytes);
        if (value.compareTo(ORDER) >= 0) {
            throw new InvalidEncodingException("a scalar must be below the group order");
        }
        return value;
    }

    /** The raw bytes behind a base64 field; rejects non-canonical base64 so one value has one spelling. */
    public static byte[] rawBytes(String base64) {
        if (base64 == null) {
            throw new InvalidEncodingException("missing value");
        }
        byte[] bytes;
        try {
            bytes = B64D.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException("not base64");
        }
        if (!B64.encodeToString(bytes).equals(base64)) {
            throw new InvalidEncodingException("non-canonical base64");
        }
        return bytes;
    }
}
