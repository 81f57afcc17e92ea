package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;

/** Multi-scalar multiplication Σ kᵢ·Pᵢ with Pippenger's bucket method: ~256/c additions per point for window c. */
final class Msm {

    private Msm() {
    }

    static ECPoint sum(ECPoint[] points, BigInteger[] scalars, int count) {
        if (count == 0) {
            return Group.INFINITY;
        }
        int maxBits = 0;
        long[][] limbs = new long[count][];
        for (int i = 0; i < count; i++) {
            limbs[i] = limbs(scalars[i]);
            maxBits = Math.max(maxBits, scalars[i].bitLength());
        }
        int window = window(count);
        int windows = (maxBits + window - 1) / window;
        ECPoint[] buckets = new ECPoint[(1 << window) - 1];
        ECPoint accumulator = Group.INFINITY;
        for (int w = windows - 1; w >= 0; w--) {
            for (int d = 0; d < window && !accumulator.isInfinity(); d++) {
                accumulator = accumulator.twice();
            }
            Arrays.fill(buckets, null);
            int shift = w * window;
            for (int i = 0; i < count; i++) {
                int digit = digit(limbs[i], shift, window);
                if (digit != 0) {
                    ECPoint bucket = buckets[digit - 1];
                    buckets[digit - 1] = bucket == null ? points[i] : bucket.add(points[i]);
                }
            }
            ECPoint running = Group.INFINITY;
            ECPoint windowSum = Group.INFINITY;
            for (int b = buckets.length - 1; b >= 0; b--) {
                if (buckets[b] != null) {
                    running = running.add(buckets[b]);
                }
                if (!running.isInfinity()) {
                    windowSum = windowSum.add(running);
                }
            }
            accumulator = accumulator.add(windowSum);
        }
        return accumulator;
    }

    private static int window(int count) {
        if (count < 8) {
            return 3;
        }
        if (count < 64) {
            return 4;
        }
        if (count < 512) {
            return 6;
        }
        if (count < 4096) {
            return 8;
        }
        return count < 32768 ? 10 : 12;
    }

    private static long[] limbs(BigInteger scalar) {
        long[] limbs = new long[5];
        byte[] bytes = scalar.toByteArray();
        for (int i = 0; i < bytes.length && i < 40; i++) {
            int byteIndex = bytes.length - 1 - i;
            limbs[i / 8] |= (bytes[byteIndex] & 0xffL) << (8 * (i % 8));
        }
        return limbs;
    }

    private static int digit(long[] limbs, int shift, int width) {
        int limb = shift >>> 6;
        int offset = shift & 63;
        long value = limbs[limb] >>> offset;
        if (offset + width > 64 && limb + 1 < limbs.length) {
            value |= limbs[limb + 1] << (64 - offset);
        }
        return (int) (value & ((1L << width) - 1));
    }
}
