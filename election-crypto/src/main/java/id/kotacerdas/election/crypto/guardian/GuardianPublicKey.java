package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.Transcript;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * What a guardian uploads after generating a key pair on their own device. {@code sequence} (1..n, unique per
 * election) is the guardian's index, which the k-of-n threshold scheme will use as its polynomial evaluation point.
 */
public record GuardianPublicKey(String electionId, String guardianId, int sequence, String publicKey,
                                SchnorrProof proof) {

    static final String DOMAIN = "kotacerdas/guardian-key-proof/v1";

    /** True when the key is a valid non-identity point and the proof of knowledge verifies. */
    public boolean verifyProof() {
        try {
            ECPoint key = Group.decodePoint(publicKey);
            if (key.isInfinity() || proof == null) {
                return false;
            }
            ECPoint commitment = Group.decodePoint(proof.commitment());
            BigInteger response = Group.decodeScalar(proof.response());
            BigInteger c = challenge(electionId, guardianId, sequence, Group.rawBytes(publicKey),
                    Group.rawBytes(proof.commitment()));
            return Group.timesGenerator(response).equals(commitment.add(key.multiply(c)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static BigInteger challenge(String electionId, String guardianId, int sequence, byte[] key, byte[] commitment) {
        return Transcript.of(DOMAIN).string(electionId).string(guardianId).number(sequence).bytes(key)
                .bytes(commitment).challenge();
    }
}
