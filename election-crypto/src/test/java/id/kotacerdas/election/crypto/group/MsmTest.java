package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multi-scalar multiplication must equal the naive Σ kᵢ·Pᵢ (BouncyCastle's own scalar multiplication) for every
 * size, both bucket strategies (Jacobian and batched affine) and several windows, including the inputs where an
 * affine addition meets x₁ = x₂ (the same point twice: a doubling; a point and its negation: infinity).
 */
class MsmTest {

    private static final BigInteger N = Group.ORDER;
    private static final Random SEEDED = new Random(20261128);

    @Test
    void equalsTheNaiveSumForRandomInputsOfManySizes() {
        for (int count : new int[]{0, 1, 2, 3, 5, 17, 64, Msm.AFFINE_THRESHOLD - 1, Msm.AFFINE_THRESHOLD, 1000, 3000}) {
            ECPoint[] points = new ECPoint[count];
            BigInteger[] scalars = new BigInteger[count];
            for (int i = 0; i < count; i++) {
                points[i] = randomPoint();
                scalars[i] = i % 3 == 0 ? Group.randomScalar() : Group.randomBits(128);
            }
            assertAllStrategiesMatchNaive(points, scalars, "random, " + count + " points");
        }
    }

    @Test
    void equalsTheNaiveSumWithEdgeScalars() {
        ECPoint[] points = new ECPoint[12];
        for (int i = 0; i < points.length; i++) {
            points[i] = randomPoint();
        }
        BigInteger[] scalars = {BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N, N.add(BigInteger.TWO),
                BigInteger.ONE.negate(), BigInteger.TWO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255), N.subtract(BigInteger.TWO), BigInteger.valueOf(0x800),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(N)};
        assertAllStrategiesMatchNaive(points, scalars, "edge scalars");
        assertAllStrategiesMatchNaive(new ECPoint[]{points[0]}, new BigInteger[]{N.subtract(BigInteger.ONE)},
                "(n − 1)·P alone");
        assertThat(Msm.sum(points, new BigInteger[]{BigInteger.ZERO, N}, 2).isInfinity()).isTrue();
    }

    @Test
    void repeatedPointsDoubleInsideTheBuckets() {
        // the same point with the same scalar lands in the same bucket of every window: x1 = x2, y1 = y2 (doubling),
        // and the partial sums P + P = 2P then meet the 2P given as input (a doubling again, one round later)
        ECPoint p = randomPoint();
        ECPoint twoP = p.twice().normalize();
        BigInteger k = Group.randomScalar();
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            points.add(p);
            scalars.add(k);
        }
        points.add(twoP);
        scalars.add(k);
        points.add(Group.CURVE.createPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger()));
        scalars.add(k);                                     // an equal point that is another instance
        addRandom(points, scalars, 400);                    // ordinary pairs in the same batched rounds
        assertAllStrategiesMatchNaive(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new),
                "repeated points");
    }

    @Test
    void theSamePointInManyBucketsWithDifferentScalars() {
        ECPoint p = randomPoint();
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            points.add(p);
            scalars.add(i < 150 ? Group.randomScalar() : BigInteger.valueOf(i % 7 + 1));
        }
        assertAllStrategiesMatchNaive(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new),
                "one point, many scalars");
    }

    @Test
    void aPointAndItsNegationCancel() {
        ECPoint p = randomPoint();
        ECPoint minusP = p.negate();
        BigInteger k = Group.randomScalar();
        assertThat(Msm.sum(new ECPoint[]{p, minusP}, new BigInteger[]{k, k}, 2, 0, true).isInfinity()).isTrue();
        assertThat(Msm.sum(new ECPoint[]{p, minusP}, new BigInteger[]{k, k}, 2, 0, false).isInfinity()).isTrue();
        assertThat(Msm.sum(new ECPoint[]{p, minusP}, new BigInteger[]{k, N.subtract(k)}, 2, 5, true).normalize())
                .isEqualTo(p.multiply(k.shiftLeft(1).mod(N)).normalize());

        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ECPoint q = randomPoint();
            BigInteger s = Group.randomScalar();
            points.add(q);
            scalars.add(s);
            points.add(q.negate());
            scalars.add(s);                                 // cancels q exactly
            points.add(q);
            scalars.add(BigInteger.valueOf(i + 1));         // so the result is not simply infinity
        }
        points.add(p);
        scalars.add(k);
        points.add(minusP);
        scalars.add(N.subtract(k));                         // −P with −k: the same as P with k
        addRandom(points, scalars, 300);
        assertAllStrategiesMatchNaive(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new),
                "points and their negations");
    }

    @Test
    void everythingCancelsToInfinity() {
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ECPoint q = randomPoint();
            BigInteger s = i % 2 == 0 ? Group.randomScalar() : Group.randomBits(128);
            points.add(q);
            scalars.add(s);
            points.add(q);
            scalars.add(N.subtract(s));
        }
        for (boolean affine : new boolean[]{true, false}) {
            assertThat(Msm.sum(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new), points.size(),
                    0, affine).isInfinity()).as("affine %s", affine).isTrue();
        }
    }

    @Test
    void skipsInfinityAndAcceptsPointsInJacobianCoordinates() {
        ECPoint p = randomPoint();
        ECPoint q = randomPoint();
        ECPoint notNormalized = p.add(q);                   // Z ≠ 1 internally
        ECPoint[] points = {Group.INFINITY, notNormalized, p, Group.INFINITY};
        BigInteger[] scalars = {Group.randomScalar(), Group.randomScalar(), Group.randomScalar(), BigInteger.ZERO};
        assertAllStrategiesMatchNaive(points, scalars, "infinity and Jacobian inputs");
        assertThat(Msm.sum(new ECPoint[]{Group.INFINITY}, new BigInteger[]{BigInteger.ONE}, 1).isInfinity()).isTrue();
    }

    @Test
    void usesOnlyTheFirstCountEntries() {
        ECPoint[] points = {randomPoint(), randomPoint(), randomPoint()};
        BigInteger[] scalars = {Group.randomScalar(), Group.randomScalar(), null};
        assertThat(Msm.sum(points, scalars, 2).normalize()).isEqualTo(naive(points, scalars, 2));
    }

    private static void assertAllStrategiesMatchNaive(ECPoint[] points, BigInteger[] scalars, String what) {
        ECPoint expected = naive(points, scalars, points.length);
        assertThat(Msm.sum(points, scalars, points.length).normalize()).as("%s, default", what).isEqualTo(expected);
        for (boolean affine : new boolean[]{true, false}) {
            for (int window : new int[]{1, 2, 3, 5, 8, 11, 13}) {
                if (points.length > 200 && window < 5) {
                    continue;                               // slow and covered by the smaller sizes
                }
                assertThat(Msm.sum(points, scalars, points.length, window, affine).normalize())
                        .as("%s, window %d, affine %s", what, window, affine).isEqualTo(expected);
            }
        }
    }

    private static ECPoint naive(ECPoint[] points, BigInteger[] scalars, int count) {
        ECPoint sum = Group.INFINITY;
        for (int i = 0; i < count; i++) {
            sum = sum.add(points[i].multiply(scalars[i].mod(N)));
        }
        return sum.normalize();
    }

    private static void addRandom(List<ECPoint> points, List<BigInteger> scalars, int count) {
        for (int i = 0; i < count; i++) {
            points.add(randomPoint());
            scalars.add(i % 2 == 0 ? Group.randomScalar() : Group.randomBits(128));
        }
    }

    private static ECPoint randomPoint() {
        return Group.timesGenerator(new BigInteger(256, SEEDED).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE))
                .normalize();
    }
}
