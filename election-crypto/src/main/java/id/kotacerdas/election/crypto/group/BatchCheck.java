package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Checks many group equations Σ sᵢ·Pᵢ = O at once: each equation is multiplied by a fresh random 128-bit weight
 * known only to the verifier and all are summed into one multi-scalar multiplication, so a false equation
 * slips through with probability at most 2⁻¹²⁸. Long-lived bases (G, the election key, guardian keys) are merged
 * into one comb multiplication each. Not thread-safe: one instance per thread and batch.
 */
public final class BatchCheck {

    /** Affine coordinates of the terms' points, 16 words each (x then y; see {@link P256Arithmetic}). */
    private int[] coordinates = new int[16 * 256];
    private BigInteger[] scalars = new BigInteger[256];
    private int count;
    private final Map<ECPoint, BigInteger> fixed = new IdentityHashMap<>();
    private final Map<ECPoint, Integer> positions = new IdentityHashMap<>();
    private final byte[] buffer = new byte[64];
    private BigInteger weight = BigInteger.ONE;

    /** Starts a new equation; the following terms are summed and must equal the point at infinity. */
    public BatchCheck equation() {
        weight = Group.randomBits(128);
        return this;
    }

    /**
     * Adds s·P for a point read from the ballot or record; terms of the same point instance are merged. Scalars are
     * reduced modulo the group order once, when the batch is checked.
     */
    public BatchCheck term(BigInteger s, ECPoint point) {
        if (point.isInfinity()) {
            return this;
        }
        BigInteger weighted = s.multiply(weight);
        Integer position = positions.putIfAbsent(point, count);
        if (position == null) {
            int offset = 16 * count;
            P256Arithmetic.affine(point, slot(weighted), offset, buffer);
        } else {
            scalars[position] = scalars[position].add(weighted);
        }
        return this;
    }

    /** Adds −P (a proof commitment): kept as weight·(−P) so the scalar stays 128 bits. */
    public BatchCheck minus(ECPoint point) {
        if (point.isInfinity()) {
            return this;
        }
        int offset = 16 * count;
        P256Arithmetic.affine(point, slot(weight), offset, buffer);
        negateY(offset);
        return this;
    }

    /**
     * Adds −P for a point given as its raw SEC 1 encoding ({@link Group#rawBytes} of a point field), validated like
     * {@link Group#decodePoint(byte[])} but without building a BouncyCastle point: for proof commitments, which are
     * used in this one term only.
     *
     * @throws InvalidEncodingException when the bytes are not a point of the group
     */
    public BatchCheck minus(byte[] encodedPoint) {
        if (encodedPoint.length == 1 && encodedPoint[0] == 0) {
            return this;
        }
        int[] words = new int[16];
        P256Arithmetic.decodeFinite(encodedPoint, words, 0);
        int offset = 16 * count;
        System.arraycopy(words, 0, slot(weight), offset, 16);
        negateY(offset);
        return this;
    }

    /** Adds s·B for a long-lived base prepared with {@link Group#fixedBase} (or the generator). */
    public BatchCheck fixed(BigInteger s, ECPoint base) {
        fixed.merge(base, s.multiply(weight), BigInteger::add);
        return this;
    }

    public boolean holds() {
        ECPoint total = Msm.sum(coordinates, scalars, count, 0, null);
        for (Map.Entry<ECPoint, BigInteger> base : fixed.entrySet()) {
            total = total.add(Group.timesFixed(base.getKey(), base.getValue()));
        }
        return total.isInfinity();
    }

    /** Appends a term with scalar s; returns the coordinate array to write its 16 words into (at 16·(count − 1)). */
    private int[] slot(BigInteger s) {
        if (count == scalars.length) {
            scalars = Arrays.copyOf(scalars, count * 2);
            coordinates = Arrays.copyOf(coordinates, 32 * count);
        }
        scalars[count++] = s;
        return coordinates;
    }

    private void negateY(int offset) {
        int[] y = Arrays.copyOfRange(coordinates, offset + 8, offset + 16);
        SecP256R1Field.negate(y, y);
        System.arraycopy(y, 0, coordinates, offset + 8, 8);
    }
}
