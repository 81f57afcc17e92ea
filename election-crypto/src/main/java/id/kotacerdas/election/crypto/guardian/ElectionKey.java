package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.group.Group;
import org.bouncycastle.math.ec.ECPoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Combines the guardians' keys into the election public key K = Σ Kᵢ ("all guardians needed"). */
public final class ElectionKey {

    private ElectionKey() {
    }

    /**
     * @throws IllegalArgumentException naming the guardian whose key or proof is invalid, for another election, or
     *                                  whose id or sequence number repeats
     */
    public static String combine(String electionId, List<GuardianPublicKey> guardians) {
        if (guardians.isEmpty()) {
            throw new IllegalArgumentException("at least one guardian is needed");
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> sequences = new HashSet<>();
        ECPoint sum = Group.INFINITY;
        for (GuardianPublicKey guardian : guardians) {
            if (!electionId.equals(guardian.electionId())) {
                throw new IllegalArgumentException("guardian " + guardian.guardianId() + " is for another election");
            }
            if (!ids.add(guardian.guardianId()) || !sequences.add(guardian.sequence())) {
                throw new IllegalArgumentException("guardian " + guardian.guardianId() + " appears twice");
            }
            if (!guardian.verifyProof()) {
                throw new IllegalArgumentException("guardian " + guardian.guardianId() + " has an invalid key proof");
            }
            sum = sum.add(Group.decodePoint(guardian.publicKey()));
        }
        ECPoint key = sum.normalize();
        if (key.isInfinity()) {
            throw new IllegalArgumentException("the guardian keys cancel out");
        }
        return Group.encode(key);
    }
}
