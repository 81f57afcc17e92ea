package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupTest {

    private static final BigInteger P = Group.CURVE.getField().getCharacteristic();

    @Test
    void theCurveIsPrimeOrderWithAEqualToMinusThree() {
        // P256Arithmetic's doubling and on-curve check assume a = −3 and cofactor 1
        assertThat(Group.CURVE.getA().toBigInteger()).isEqualTo(P.subtract(BigInteger.valueOf(3)));
        assertThat(Group.CURVE.getCofactor()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void decodesWhatBouncyCastleDecodes() {
        for (int i = 0; i < 200; i++) {
            ECPoint point = Group.timesGenerator(Group.randomScalar()).normalize();
            byte[] bytes = Group.pointBytes(point);
            ECPoint decoded = Group.decodePoint(bytes);
            assertThat(decoded).isEqualTo(Group.CURVE.decodePoint(bytes));
            assertThat(decoded.isNormalized()).isTrue();
            assertThat(Group.pointBytes(decoded)).isEqualTo(bytes);
            assertThat(Group.decodePoint(Group.encode(point))).isEqualTo(point);
        }
        assertThat(Group.decodePoint(new byte[]{0}).isInfinity()).isTrue();
        assertThat(Group.decodePoint(Group.encode(Group.INFINITY)).isInfinity()).isTrue();
    }

    @Test
    void rejectsPointsOffTheCurve() {
        Random random = new Random(7);
        byte[] valid = Group.pointBytes(Group.timesGenerator(Group.randomScalar()).normalize());
        byte[] wrongY = valid.clone();
        wrongY[64] ^= 1;
        assertNotAPoint(wrongY);
        int rejected = 0;
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[65];
            random.nextBytes(bytes);
            bytes[0] = 4;
            if (onCurveByBigInteger(bytes)) {
                continue;                                   // essentially never
            }
            assertNotAPoint(bytes);
            rejected++;
        }
        assertThat(rejected).isGreaterThan(290);
    }

    @Test
    void rejectsCoordinatesOfPOrMoreEvenWhenCongruentToAPoint() {
        ECPoint point = findPointWithXBelow(BigInteger.ONE.shiftLeft(32));
        BigInteger x = point.getAffineXCoord().toBigInteger();
        BigInteger y = point.getAffineYCoord().toBigInteger();
        assertNotAPoint(encode(x.add(P), y));               // x + p < 2²⁵⁶: the same residue, not canonical
        if (y.add(P).bitLength() <= 256) {
            assertNotAPoint(encode(x, y.add(P)));
        }
        assertNotAPoint(encode(P, y));
        assertThat(Group.decodePoint(encode(x, y))).isEqualTo(point);
    }

    @Test
    void rejectsOtherShapes() {
        byte[] valid = Group.pointBytes(Group.GENERATOR);
        byte[] compressed = Group.GENERATOR.getEncoded(true);
        byte[] hybrid = valid.clone();
        hybrid[0] = 6;
        for (byte[] bytes : new byte[][]{compressed, hybrid, Arrays.copyOf(valid, 64), Arrays.copyOf(valid, 66),
                new byte[0], new byte[]{1}, new byte[]{0, 0}}) {
            assertThatThrownBy(() -> Group.decodePoint(bytes)).isInstanceOf(InvalidEncodingException.class)
                    .hasMessageContaining("65 bytes");
        }
    }

    @Test
    void randomWeightsAreNonZeroAndOfTheRequestedSize() {
        Set<BigInteger> seen = new HashSet<>();
        int top = 0;
        for (int i = 0; i < 20_000; i++) {
            BigInteger weight = Group.randomBits(128);
            assertThat(weight.signum()).isPositive();
            assertThat(weight.bitLength()).isLessThanOrEqualTo(128);
            top += weight.testBit(127) ? 1 : 0;
            seen.add(weight);
        }
        assertThat(seen).hasSize(20_000);
        assertThat(top).isBetween(9_000, 11_000);
        for (int bits : new int[]{1, 7, 9, 255}) {
            assertThat(Group.randomBits(bits).bitLength()).isLessThanOrEqualTo(bits);
        }
        assertThat(Group.randomBits(1)).isEqualTo(BigInteger.ONE);
    }

    private static void assertNotAPoint(byte[] bytes) {
        assertThatThrownBy(() -> Group.decodePoint(bytes)).isInstanceOf(InvalidEncodingException.class)
                .hasMessage("not a point on P-256");
    }

    private static boolean onCurveByBigInteger(byte[] bytes) {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(bytes, 33, 65));
        BigInteger b = Group.CURVE.getB().toBigInteger();
        return x.compareTo(P) < 0 && y.compareTo(P) < 0
                && y.pow(2).mod(P).equals(x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(P));
    }

    private static ECPoint findPointWithXBelow(BigInteger bound) {
        BigInteger b = Group.CURVE.getB().toBigInteger();
        for (BigInteger x = BigInteger.ONE; x.compareTo(bound) < 0; x = x.add(BigInteger.ONE)) {
            BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(P);
            BigInteger y = right.modPow(P.add(BigInteger.ONE).shiftRight(2), P);   // p ≡ 3 (mod 4)
            if (y.pow(2).mod(P).equals(right)) {
                return Group.CURVE.createPoint(x, y).normalize();
            }
        }
        throw new AssertionError("no point found");
    }

    private static byte[] encode(BigInteger x, BigInteger y) {
        byte[] bytes = new byte[65];
        bytes[0] = 4;
        byte[] xb = x.toByteArray();
        byte[] yb = y.toByteArray();
        int xl = Math.min(xb.length, 32);
        int yl = Math.min(yb.length, 32);
        System.arraycopy(xb, xb.length - xl, bytes, 33 - xl, xl);
        System.arraycopy(yb, yb.length - yl, bytes, 65 - yl, yl);
        return bytes;
    }
}
