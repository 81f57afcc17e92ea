package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchCheckTest {

    @Test
    void multiScalarMultiplicationEqualsTheSumOfSingleMultiplications() {
        for (int count : new int[]{1, 7, 70, 600}) {
            ECPoint[] points = new ECPoint[count];
            BigInteger[] scalars = new BigInteger[count];
            ECPoint expected = Group.INFINITY;
            for (int i = 0; i < count; i++) {
                points[i] = Group.timesGenerator(Group.randomScalar()).normalize();
                scalars[i] = i % 2 == 0 ? Group.randomScalar() : Group.randomBits(128);
                expected = expected.add(points[i].multiply(scalars[i]));
            }

            assertThat(Msm.sum(points, scalars, count).normalize()).as("%d points", count)
                    .isEqualTo(expected.normalize());
        }
    }

    @Test
    void aBatchHoldsOnlyWhenEveryEquationHolds() {
        BigInteger x = Group.randomScalar();
        ECPoint xG = Group.timesGenerator(x).normalize();
        ECPoint yG = Group.timesGenerator(Group.randomScalar()).normalize();

        BatchCheck good = new BatchCheck();
        good.equation().fixed(x, Group.GENERATOR).minus(xG);
        good.equation().term(BigInteger.TWO, xG).fixed(x.multiply(BigInteger.TWO).negate(), Group.GENERATOR);
        BatchCheck bad = new BatchCheck();
        bad.equation().fixed(x, Group.GENERATOR).minus(xG);
        bad.equation().fixed(x, Group.GENERATOR).minus(yG);

        assertThat(good.holds()).isTrue();
        assertThat(bad.holds()).isFalse();
    }

    @Test
    void encodedCommitmentsAreValidatedAndSubtracted() {
        BigInteger x = Group.randomScalar();
        ECPoint xG = Group.timesGenerator(x).normalize();
        byte[] encoded = Group.pointBytes(xG);
        byte[] other = Group.pointBytes(Group.timesGenerator(x.add(BigInteger.ONE)).normalize());

        BatchCheck good = new BatchCheck();
        good.equation().fixed(x, Group.GENERATOR).minus(encoded);
        good.equation().minus(new byte[]{0});               // the point at infinity adds nothing
        BatchCheck bad = new BatchCheck();
        bad.equation().fixed(x, Group.GENERATOR).minus(other);
        BatchCheck mixed = new BatchCheck();
        mixed.equation().fixed(x, Group.GENERATOR).minus(xG);
        mixed.equation().term(BigInteger.TEN, xG).fixed(x.multiply(BigInteger.TEN).negate(), Group.GENERATOR);
        mixed.equation().fixed(x, Group.GENERATOR).minus(encoded);

        assertThat(good.holds()).isTrue();
        assertThat(bad.holds()).isFalse();
        assertThat(mixed.holds()).isTrue();
        byte[] offCurve = encoded.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> new BatchCheck().equation().minus(offCurve))
                .isInstanceOf(InvalidEncodingException.class).hasMessage("not a point on P-256");
        assertThatThrownBy(() -> new BatchCheck().equation().minus(new byte[33]))
                .isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    void aLargeBatchHoldsOnlyWhenEveryEquationHolds() {
        // enough terms for the batched affine additions, with one false equation hidden among them
        for (boolean allTrue : new boolean[]{true, false}) {
            BatchCheck batch = new BatchCheck();
            for (int i = 0; i < 300; i++) {
                BigInteger k = Group.randomScalar();
                ECPoint kG = Group.timesGenerator(k).normalize();
                BigInteger claimed = !allTrue && i == 150 ? k.add(BigInteger.ONE) : k;
                batch.equation().fixed(claimed, Group.GENERATOR).minus(Group.pointBytes(kG));
                BigInteger s = Group.randomBits(128);
                batch.equation().term(s, kG).fixed(s.multiply(k).negate(), Group.GENERATOR);
            }
            assertThat(batch.holds()).as("all true: %s", allTrue).isEqualTo(allTrue);
        }
    }
}
