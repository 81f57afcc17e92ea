package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;

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

    private ECPoint[] points = new ECPoint[256];
    private BigInteger[] scalars = new BigInteger[256];
    private int count;
    private final Map<ECPoint, BigInteger> fixed = new IdentityHashMap<>();
    private final Map<ECPoint, Integer> positions = new IdentityHashMap<>();
    private BigInteger weight = BigInteger.ONE;

    /** Starts a new equation; the following terms are summed and must equal the point at infinity. */
    public BatchCheck equation() {
        weight = Group.randomBits(128);
        return this;
    }

    /** Adds s·P for a point read from the ballot or record; terms of the same point instance are merged. */
    public BatchCheck term(BigInteger s, ECPoint point) {
        if (point.isInfinity()) {
            return this;
        }
        BigInteger weighted = s.multiply(weight).mod(Group.ORDER);
        Integer position = positions.get(point);
        if (position == null) {
            positions.put(point, count);
            add(weighted, point);
        } else {
            scalars[position] = scalars[position].add(weighted).mod(Group.ORDER);
        }
        return this;
    }

    /** Adds −P (a proof commitment): kept as weight·(−P) so the scalar stays 128 bits. */
    public BatchCheck minus(ECPoint point) {
        if (point.isInfinity()) {
            return this;
        }
        add(weight, point.negate());
        return this;
    }

    /** Adds s·B for a long-lived base prepared with {@link Group#fixedBase} (or the generator). */
    public BatchCheck fixed(BigInteger s, ECPoint base) {
        fixed.merge(base, s.multiply(weight).mod(Group.ORDER), (x, y) -> x.add(y).mod(Group.ORDER));
        return this;
    }

    public boolean holds() {
        ECPoint total = Msm.sum(points, scalars, count);
        for (Map.Entry<ECPoint, BigInteger> base : fixed.entrySet()) {
            total = total.add(Group.timesFixed(base.getKey(), base.getValue()));
        }
        return total.isInfinity();
    }

    private void add(BigInteger s, ECPoint point) {
        if (count == points.length) {
            points = Arrays.copyOf(points, count * 2);
            scalars = Arrays.copyOf(scalars, count * 2);
        }
        points[count] = point;
        scalars[count] = s;
        count++;
    }
}
