package id.kotacerdas.election.crypto.tally;

import id.kotacerdas.election.crypto.group.Group;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Finds m ∈ [0, bound] with m·G = M by baby-step giant-step (√bound steps each way). */
final class DiscreteLog {

    private DiscreteLog() {
    }

    static OptionalLong find(ECPoint target, long bound) {
        if (target.isInfinity()) {
            return OptionalLong.of(0);
        }
        long step = (long) Math.ceil(Math.sqrt(bound + 1.0));
        Map<ByteBuffer, Long> baby = new HashMap<>();
        ECPoint point = Group.INFINITY;
        for (long j = 0; j < step; j++) {
            baby.put(ByteBuffer.wrap(Group.pointBytes(point.normalize())), j);
            point = point.add(Group.GENERATOR);
        }
        ECPoint giant = Group.timesGenerator(BigInteger.valueOf(step)).negate();
        ECPoint current = target.normalize();
        for (long i = 0; i * step <= bound; i++) {
            Long j = baby.get(ByteBuffer.wrap(Group.pointBytes(current)));
            if (j != null && i * step + j <= bound) {
                return OptionalLong.of(i * step + j);
            }
            current = current.add(giant).normalize();
        }
        return OptionalLong.empty();
    }
}
