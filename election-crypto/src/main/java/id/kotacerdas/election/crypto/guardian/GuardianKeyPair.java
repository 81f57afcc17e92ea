package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.group.Group;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/** A freshly generated guardian key pair: keep {@code secretKey} on the device, upload {@code publicKey}. */
public record GuardianKeyPair(GuardianSecretKey secretKey, GuardianPublicKey publicKey) {

    public static GuardianKeyPair generate(String electionId, String guardianId, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("guardian sequence numbers start at 1");
        }
        BigInteger s = Group.randomScalar();
        String key = Group.encode(Group.timesGenerator(s).normalize());
        BigInteger u = Group.randomScalar();
        ECPoint commitment = Group.timesGenerator(u).normalize();
        String encodedCommitment = Group.encode(commitment);
        BigInteger c = GuardianPublicKey.challenge(electionId, guardianId, sequence, Group.rawBytes(key),
                Group.rawBytes(encodedCommitment));
        SchnorrProof proof = new SchnorrProof(encodedCommitment, Group.encode(u.add(c.multiply(s)).mod(Group.ORDER)));
        return new GuardianKeyPair(new GuardianSecretKey(electionId, guardianId, sequence, Group.encode(s)),
                new GuardianPublicKey(electionId, guardianId, sequence, key, proof));
    }
}
