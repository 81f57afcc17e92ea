package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

import java.math.BigInteger;

/**
 * Allocation-free P-256 arithmetic for {@link Msm}: field elements are BouncyCastle's 8 × 32-bit little-endian words
 * ({@link SecP256R1Field}, always fully reduced below p, so equality is word equality), points are Jacobian
 * (X, Y, Z) with x = X/Z², y = Y/Z³ and Z = 0 for the point at infinity (a = −3: the doubling uses it). Instances hold
 * scratch space: not thread-safe, one per computation. The static helpers (point decoding and validation, conversions
 * to words) are thread-safe.
 */
final class P256Arithmetic {

    /** A mutable Jacobian point. */
    static final class Jacobian {
        final int[] x = new int[8];
        final int[] y = new int[8];
        final int[] z = new int[8];

        boolean isInfinity() {
            return Nat256.isZero(z);
        }

        void setInfinity() {
            Nat256.zero(x);
            Nat256.zero(y);
            Nat256.zero(z);
        }

        void setAffine(int[] ax, int[] ay) {
            Nat256.copy(ax, x);
            Nat256.copy(ay, y);
            Nat256.zero(z);
            z[0] = 1;
        }

        void set(Jacobian other) {
            Nat256.copy(other.x, x);
            Nat256.copy(other.y, y);
            Nat256.copy(other.z, z);
        }
    }

    private final int[] tt = Nat256.createExt();
    private final int[] t1 = new int[8];
    private final int[] t2 = new int[8];
    private final int[] t3 = new int[8];
    private final int[] t4 = new int[8];
    private final int[] t5 = new int[8];
    private final int[] t6 = new int[8];
    private final int[] t7 = new int[8];

    void multiply(int[] a, int[] b, int[] z) {
        SecP256R1Field.multiply(a, b, z, tt);
    }

    void square(int[] a, int[] z) {
        SecP256R1Field.square(a, z, tt);
    }

    /** p ← 2p (a = −3: dbl-2001-b). */
    void twice(Jacobian p) {
        if (p.isInfinity() || Nat256.isZero(p.y)) {
            p.setInfinity();
            return;
        }
        square(p.z, t1);                       // delta = Z²
        square(p.y, t2);                       // gamma = Y²
        multiply(p.x, t2, t3);                 // beta = X·gamma
        SecP256R1Field.subtract(p.x, t1, t4);
        SecP256R1Field.add(p.x, t1, t5);
        multiply(t4, t5, t4);
        SecP256R1Field.twice(t4, t5);
        SecP256R1Field.add(t5, t4, t4);        // alpha = 3·(X − delta)·(X + delta)
        multiply(p.y, p.z, p.z);
        SecP256R1Field.twice(p.z, p.z);        // Z3 = 2·Y·Z
        square(t4, t5);                        // alpha²
        SecP256R1Field.twice(t3, t6);
        SecP256R1Field.twice(t6, t6);          // 4·beta
        SecP256R1Field.twice(t6, t7);          // 8·beta
        SecP256R1Field.subtract(t5, t7, p.x);  // X3 = alpha² − 8·beta
        SecP256R1Field.subtract(t6, p.x, t6);
        multiply(t4, t6, t6);                  // alpha·(4·beta − X3)
        square(t2, t2);
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);          // 8·gamma²
        SecP256R1Field.subtract(t6, t2, p.y);  // Y3
    }

    /** p ← p + (qx, qy) for an affine point q (never infinity); handles p = ±q and p = infinity. */
    void addAffine(Jacobian p, int[] qx, int[] qy) {
        if (p.isInfinity()) {
            p.setAffine(qx, qy);
            return;
        }
        square(p.z, t1);                       // Z1²
        multiply(qx, t1, t2);                  // U2 = x2·Z1²
        multiply(p.z, t1, t3);
        multiply(qy, t3, t3);                  // S2 = y2·Z1³
        SecP256R1Field.subtract(t2, p.x, t4);  // H = U2 − X1
        SecP256R1Field.subtract(t3, p.y, t5);  // R = S2 − Y1
        finishAdd(p, p.x, p.y, t4, t5, null);
    }

    /** p ← p + q for Jacobian points (q is left unchanged; p and q may be the same instance). */
    void add(Jacobian p, Jacobian q) {
        if (q.isInfinity()) {
            return;
        }
        if (p.isInfinity()) {
            p.set(q);
            return;
        }
        if (p == q) {
            twice(p);
            return;
        }
        square(p.z, t1);                       // Z1²
        square(q.z, t2);                       // Z2²
        multiply(p.x, t2, t3);                 // U1 = X1·Z2²
        multiply(q.x, t1, t4);                 // U2 = X2·Z1²
        multiply(q.z, t2, t2);
        multiply(p.y, t2, t2);                 // S1 = Y1·Z2³
        multiply(p.z, t1, t1);
        multiply(q.y, t1, t1);                 // S2 = Y2·Z1³
        SecP256R1Field.subtract(t4, t3, t4);   // H = U2 − U1
        SecP256R1Field.subtract(t1, t2, t5);   // R = S2 − S1
        finishAdd(p, t3, t2, t4, t5, q.z);
    }

    /**
     * Common tail of the additions: X3 = R² − H³ − 2·U1·H², Y3 = R·(U1·H² − X3) − S1·H³, Z3 = Z1·Z2·H (Z2 = 1 when
     * {@code z2} is null). {@code u1}, {@code s1}, {@code h}, {@code r} must not be p's coordinates except u1 = X1 and
     * s1 = Y1 for the mixed addition (they are read before being overwritten).
     */
    private void finishAdd(Jacobian p, int[] u1, int[] s1, int[] h, int[] r, int[] z2) {
        if (Nat256.isZero(h)) {
            if (Nat256.isZero(r)) {
                twice(p);
            } else {
                p.setInfinity();
            }
            return;
        }
        square(h, t6);                         // H²
        multiply(h, t6, t7);                   // H³
        multiply(u1, t6, t6);                  // V = U1·H²
        multiply(s1, t7, t1);                  // S1·H³ (t1 is free again)
        multiply(p.z, h, p.z);
        if (z2 != null) {
            multiply(p.z, z2, p.z);            // Z3 = Z1·Z2·H
        }
        square(r, t2);
        SecP256R1Field.subtract(t2, t7, t2);
        SecP256R1Field.twice(t6, t3);
        SecP256R1Field.subtract(t2, t3, p.x);  // X3 = R² − H³ − 2V
        SecP256R1Field.subtract(t6, p.x, t6);
        multiply(r, t6, t6);
        SecP256R1Field.subtract(t6, t1, p.y);  // Y3 = R·(V − X3) − S1·H³
    }

    /** The point as a BouncyCastle point (one inversion). */
    ECPoint toPoint(Jacobian p) {
        if (p.isInfinity()) {
            return Group.INFINITY;
        }
        int[] zInverse = new int[8];
        SecP256R1Field.inv(p.z, zInverse);
        square(zInverse, t1);
        multiply(p.x, t1, t2);                 // x = X/Z²
        multiply(t1, zInverse, t1);
        multiply(p.y, t1, t3);                 // y = Y/Z³
        return Group.CURVE.createPoint(Nat256.toBigInteger(t2), Nat256.toBigInteger(t3));
    }

    private static final int[] P = Nat256.fromBigInteger(Group.CURVE.getField().getCharacteristic());
    private static final int[] B = Nat256.fromBigInteger(Group.CURVE.getB().toBigInteger());

    /**
     * Decodes a finite point's SEC 1 uncompressed encoding (65 bytes, 0x04 ‖ x ‖ y) into 16 words at
     * {@code offset} (x then y) and validates it: both coordinates below p and y² = x³ − 3x + b (cofactor 1, so
     * the point is in the group). Messages as {@link Group#decodePoint(byte[])}.
     *
     * @throws InvalidEncodingException when the bytes are not such a point
     */
    static void decodeFinite(byte[] bytes, int[] words, int offset) {
        if (bytes.length != 65 || bytes[0] != 4) {
            throw new InvalidEncodingException("a point must be 65 bytes (SEC 1 uncompressed) or the single byte 0");
        }
        int[] x = new int[8];
        int[] y = new int[8];
        fromBigEndian(bytes, 1, x, 0);
        fromBigEndian(bytes, 33, y, 0);
        if (!isOnCurve(x, y)) {
            throw new InvalidEncodingException("not a point on " + Group.NAME);
        }
        System.arraycopy(x, 0, words, offset, 8);
        System.arraycopy(y, 0, words, offset + 8, 8);
    }

    /** Whether (x, y) are field elements (below p) with y² = x³ − 3x + b. */
    static boolean isOnCurve(int[] x, int[] y) {
        if (Nat256.gte(x, P) || Nat256.gte(y, P)) {
            return false;
        }
        int[] tt = Nat256.createExt();
        int[] right = new int[8];
        int[] threeX = new int[8];
        SecP256R1Field.square(x, right, tt);
        SecP256R1Field.multiply(right, x, right, tt);            // x³
        SecP256R1Field.twice(x, threeX);
        SecP256R1Field.add(threeX, x, threeX);                   // 3x
        SecP256R1Field.subtract(right, threeX, right);
        SecP256R1Field.add(right, B, right);                     // x³ − 3x + b
        int[] left = new int[8];
        SecP256R1Field.square(y, left, tt);
        return Nat256.eq(left, right);
    }

    /** The affine coordinates of a finite BouncyCastle point as field words: x at {@code offset}, y after it. */
    static void affine(ECPoint point, int[] words, int offset, byte[] buffer) {
        ECPoint normalized = point.normalize();
        normalized.getAffineXCoord().encodeTo(buffer, 0);
        normalized.getAffineYCoord().encodeTo(buffer, 32);
        fromBigEndian(buffer, 0, words, offset);
        fromBigEndian(buffer, 32, words, offset + 8);
    }

    /** 32 big-endian bytes as 8 little-endian 32-bit words. */
    static void fromBigEndian(byte[] bytes, int offset, int[] words, int wordOffset) {
        for (int i = 0; i < 8; i++) {
            int at = offset + 28 - 4 * i;
            words[wordOffset + i] = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16
                    | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
        }
    }

    /** A non-negative integer below 2²⁵⁶ as 8 little-endian 32-bit words. */
    static void words(BigInteger value, int[] words, int offset) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("scalar out of range");
        }
        byte[] bytes = value.toByteArray();
        for (int i = 0; i < 8; i++) {
            int word = 0;
            for (int b = 3; b >= 0; b--) {
                int at = bytes.length - 1 - (4 * i + b);
                word = word << 8 | (at >= 0 ? bytes[at] & 0xff : 0);
            }
            words[offset + i] = word;
        }
    }
}
