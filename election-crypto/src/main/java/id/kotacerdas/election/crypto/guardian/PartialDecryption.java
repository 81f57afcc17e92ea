package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.Transcript;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;

import id.kotacerdas.election.crypto.group.BatchCheck;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/** One guardian's share Dᵢ = sᵢ·α of one aggregate, with its proof. */
public record PartialDecryption(String aggregateId, String share, DecryptionProof proof) {

    static final String DOMAIN = "kotacerdas/partial-decryption/v1";

    /**
     * Adds this share's two proof equations to {@code batch}. {@code guardianKey} is the decoded key prepared with
     * {@link Group#fixedBase}, {@code alpha} the decoded aggregate α; returns the decoded share.
     */
    public ECPoint addTo(BatchCheck batch, BallotContext context, String guardianId, String encodedGuardianKey,
                         ECPoint guardianKey, AggregateCiphertext aggregate, ECPoint alpha) {
        ECPoint decodedShare = Group.decodePoint(share);
        ECPoint a = Group.decodePoint(proof.a());
        ECPoint b = Group.decodePoint(proof.b());
        BigInteger v = Group.decodeScalar(proof.v());
        BigInteger c = challenge(context, guardianId, aggregate, encodedGuardianKey, share, proof.a(), proof.b());
        batch.equation().fixed(v, Group.GENERATOR).minus(a).fixed(c.negate(), guardianKey);
        batch.equation().term(v, alpha).minus(b).term(c.negate(), decodedShare);
        return decodedShare;
    }

    static BigInteger challenge(BallotContext context, String guardianId, AggregateCiphertext aggregate,
                                String guardianKey, String share, String a, String b) {
        return Transcript.of(DOMAIN).bytes(context.baseHash()).string(guardianId).string(aggregate.aggregateId())
                .bytes(Group.rawBytes(aggregate.ciphertext().alpha()))
                .bytes(Group.rawBytes(aggregate.ciphertext().beta()))
                .bytes(Group.rawBytes(guardianKey)).bytes(Group.rawBytes(share))
                .bytes(Group.rawBytes(a)).bytes(Group.rawBytes(b)).challenge();
    }
}
