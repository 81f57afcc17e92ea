package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.Transcript;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The booth library: turns a voter's choice into an {@link EncryptedBallot} with all proofs, so the server never
 * sees a plain vote. Thread-safe; fresh randomness from {@link java.security.SecureRandom} for every ballot.
 */
public final class BallotEncryptor {

    private final BallotContext context;

    public BallotEncryptor(BallotContext context) {
        this.context = context;
    }

    /**
     * Encrypts a vote for {@code candidateId} in the village's contest, or a blank vote when it is null (only if the
     * manifest allows blank votes).
     */
    public EncryptedBallot encrypt(String villageCode, String candidateId) {
        Contest contest = context.manifest().contest(villageCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown village " + villageCode));
        if (candidateId == null && !context.manifest().blankVotesAllowed()) {
            throw new IllegalArgumentException("this election does not allow blank votes");
        }
        if (candidateId != null && contest.candidateIndex(candidateId) < 0) {
            throw new IllegalArgumentException("unknown candidate " + candidateId + " in village " + villageCode);
        }
        ECPoint key = context.keyPoint();
        List<EncryptedSelection> selections = new ArrayList<>();
        List<byte[]> componentBytes = new ArrayList<>();
        BigInteger nonceSum = BigInteger.ZERO;
        for (Candidate candidate : contest.candidates()) {
            int m = candidate.candidateId().equals(candidateId) ? 1 : 0;
            BigInteger r = Group.randomScalar();
            nonceSum = nonceSum.add(r);
            ECPoint alpha = Group.timesGenerator(r).normalize();
            ECPoint beta = Group.timesFixed(key, r);
            if (m == 1) {
                beta = beta.add(Group.GENERATOR);
            }
            beta = beta.normalize();
            String encodedAlpha = Group.encode(alpha);
            String encodedBeta = Group.encode(beta);
            componentBytes.add(Group.rawBytes(encodedAlpha));
            componentBytes.add(Group.rawBytes(encodedBeta));
            Transcript transcript = BallotVerifier.selectionTranscript(context, villageCode, candidate.candidateId(),
                    Group.rawBytes(encodedAlpha), Group.rawBytes(encodedBeta));
            selections.add(new EncryptedSelection(candidate.candidateId(),
                    new Ciphertext(encodedAlpha, encodedBeta), Proofs.proveZeroOrOne(transcript, key, m, r)));
        }
        BigInteger nonce = nonceSum.mod(Group.ORDER);
        ConstantProof exactlyOne = null;
        DisjunctiveProof atMostOne = null;
        if (context.manifest().blankVotesAllowed()) {
            Transcript transcript = BallotVerifier.contestTranscript(context, Proofs.AT_MOST_ONE_DOMAIN, villageCode,
                    componentBytes);
            atMostOne = Proofs.proveZeroOrOne(transcript, key, candidateId == null ? 0 : 1, nonce);
        } else {
            Transcript transcript = BallotVerifier.contestTranscript(context, Proofs.EXACTLY_ONE_DOMAIN, villageCode,
                    componentBytes);
            exactlyOne = Proofs.proveOne(transcript, key, nonce);
        }
        return new EncryptedBallot(context.manifest().electionId(), context.manifestHash(), villageCode, selections,
                exactlyOne, atMostOne);
    }
}
