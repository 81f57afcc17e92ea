package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A guardian's secret key share; it never leaves the guardian's device (the guardian CLI keeps it in a file). */
public record GuardianSecretKey(String electionId, String guardianId, int sequence, String secret) {

    @Override
    public String toString() {
        return "GuardianSecretKey[electionId=" + electionId + ", guardianId=" + guardianId + ", sequence=" + sequence
                + ", secret=<hidden>]";
    }

    public String publicKey() {
        return Group.encode(Group.timesGenerator(Group.decodeScalar(secret)).normalize());
    }

    /** Partial decryption Dᵢ = sᵢ·α of every aggregate, each with a Chaum-Pedersen proof of correct decryption. */
    public GuardianDecryption decrypt(BallotContext context, List<AggregateCiphertext> aggregates) {
        if (!context.manifest().electionId().equals(electionId)) {
            throw new IllegalArgumentException("this key belongs to election " + electionId);
        }
        BigInteger s = Group.decodeScalar(secret);
        String publicKey = publicKey();
        List<PartialDecryption> shares = new ArrayList<>(aggregates.size());
        for (AggregateCiphertext aggregate : aggregates) {
            ECPoint alpha = Group.decodePoint(aggregate.ciphertext().alpha());
            String share = Group.encode(alpha.multiply(s).normalize());
            BigInteger u = Group.randomScalar();
            String a = Group.encode(Group.timesGenerator(u).normalize());
            String b = Group.encode(alpha.multiply(u).normalize());
            BigInteger c = PartialDecryption.challenge(context, guardianId, aggregate, publicKey, share, a, b);
            String v = Group.encode(u.add(c.multiply(s)).mod(Group.ORDER));
            shares.add(new PartialDecryption(aggregate.aggregateId(), share, new DecryptionProof(a, b, v)));
        }
        return new GuardianDecryption(electionId, guardianId, shares);
    }
}
