package id.kotacerdas.election.crypto.group;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

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
}
