package id.kotacerdas.election.crypto.group;

import id.kotacerdas.election.crypto.group.P256Arithmetic.Jacobian;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class P256ArithmeticTest {

    private static final BigInteger P = Group.CURVE.getField().getCharacteristic();
    private final P256Arithmetic arithmetic = new P256Arithmetic();
    private final Random random = new Random(42);

    @Test
    void fieldResultsAreFullyReducedSoEqualityIsWordEquality() {
        // Msm compares x coordinates word by word: BouncyCastle must return values below p
        int[] z = new int[8];
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = i % 4 == 0 ? P.subtract(BigInteger.valueOf(random.nextInt(1000) + 1))
                    : new BigInteger(256, random).mod(P);
            BigInteger b = i % 3 == 0 ? P.subtract(BigInteger.valueOf(random.nextInt(1000) + 1))
                    : new BigInteger(256, random).mod(P);
            int[] x = Nat256.fromBigInteger(a);
            int[] y = Nat256.fromBigInteger(b);
            arithmetic.multiply(x, y, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.multiply(b).mod(P));
            arithmetic.square(x, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.multiply(a).mod(P));
            SecP256R1Field.add(x, y, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.add(b).mod(P));
            SecP256R1Field.subtract(x, y, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.subtract(b).mod(P));
            SecP256R1Field.twice(x, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.shiftLeft(1).mod(P));
            SecP256R1Field.negate(x, z);
            assertThat(Nat256.toBigInteger(z)).isEqualTo(a.negate().mod(P));
        }
    }

    @Test
    void jacobianOperationsMatchBouncyCastleIncludingTheSpecialCases() {
        for (int i = 0; i < 50; i++) {
            ECPoint p = Group.timesGenerator(Group.randomScalar()).normalize();
            ECPoint q = Group.timesGenerator(Group.randomScalar()).normalize();
            Jacobian jp = jacobian(p.add(q).subtract(q));   // p in non-trivial Jacobian form (Z ≠ 1)
            Jacobian jq = jacobian(q);

            Jacobian sum = copy(jp);
            arithmetic.add(sum, jq);
            assertThat(arithmetic.toPoint(sum)).isEqualTo(p.add(q).normalize());

            Jacobian mixed = copy(jp);
            arithmetic.addAffine(mixed, x(q), y(q));
            assertThat(arithmetic.toPoint(mixed)).isEqualTo(p.add(q).normalize());

            Jacobian doubled = copy(jp);
            arithmetic.twice(doubled);
            assertThat(arithmetic.toPoint(doubled)).isEqualTo(p.twice().normalize());

            Jacobian self = copy(jp);
            arithmetic.add(self, jacobian(p));              // P + P through the addition: a doubling
            assertThat(arithmetic.toPoint(self)).isEqualTo(p.twice().normalize());
            Jacobian sameInstance = copy(jp);
            arithmetic.add(sameInstance, sameInstance);
            assertThat(arithmetic.toPoint(sameInstance)).isEqualTo(p.twice().normalize());
            Jacobian selfMixed = copy(jp);
            arithmetic.addAffine(selfMixed, x(p), y(p));
            assertThat(arithmetic.toPoint(selfMixed)).isEqualTo(p.twice().normalize());

            Jacobian cancel = copy(jp);
            arithmetic.add(cancel, jacobian(p.negate()));
            assertThat(cancel.isInfinity()).isTrue();
            Jacobian cancelMixed = copy(jp);
            arithmetic.addAffine(cancelMixed, x(p), y(p.negate()));
            assertThat(cancelMixed.isInfinity()).isTrue();

            Jacobian fromInfinity = new Jacobian();
            arithmetic.add(fromInfinity, jq);
            assertThat(arithmetic.toPoint(fromInfinity)).isEqualTo(q);
            Jacobian plusInfinity = copy(jq);
            arithmetic.add(plusInfinity, new Jacobian());
            assertThat(arithmetic.toPoint(plusInfinity)).isEqualTo(q);
            Jacobian mixedFromInfinity = new Jacobian();
            arithmetic.addAffine(mixedFromInfinity, x(q), y(q));
            assertThat(arithmetic.toPoint(mixedFromInfinity)).isEqualTo(q);
        }
        Jacobian infinity = new Jacobian();
        arithmetic.twice(infinity);
        assertThat(infinity.isInfinity()).isTrue();
        assertThat(arithmetic.toPoint(infinity).isInfinity()).isTrue();
    }

    private static Jacobian jacobian(ECPoint point) {
        Jacobian j = new Jacobian();
        if (point.isInfinity()) {
            return j;
        }
        // BouncyCastle's P-256 points are Jacobian too: copy X, Y, Z as they are
        Nat256.copy(Nat256.fromBigInteger(point.getXCoord().toBigInteger()), j.x);
        Nat256.copy(Nat256.fromBigInteger(point.getYCoord().toBigInteger()), j.y);
        Nat256.copy(Nat256.fromBigInteger(point.getZCoord(0).toBigInteger()), j.z);
        return j;
    }

    private static Jacobian copy(Jacobian source) {
        Jacobian j = new Jacobian();
        j.set(source);
        return j;
    }

    private static int[] x(ECPoint point) {
        return Nat256.fromBigInteger(point.normalize().getAffineXCoord().toBigInteger());
    }

    private static int[] y(ECPoint point) {
        return Nat256.fromBigInteger(point.normalize().getAffineYCoord().toBigInteger());
    }
}
