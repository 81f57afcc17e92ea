package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.SampleElection;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.Transcript;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BallotSoundnessTest {

    private static final SampleElection ELECTION =
            new SampleElection(SampleElection.manifest("pilkades-sound", 1, 3, 1, false), 2);
    private final BallotVerifier verifier = new BallotVerifier(ELECTION.context);

    @Test
    void anHonestBallotVerifiesAndItsTrackingCodeIsItsHash() {
        EncryptedBallot ballot = ELECTION.encryptor.encrypt("desa-1", "desa-1-calon-2");

        BallotVerification outcome = verifier.verify(ballot);

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.trackingCode()).isEqualTo(ballot.trackingCode()).hasSize(64);
    }

    @Test
    void aBallotForTwoCandidatesIsRejected() {
        EncryptedBallot ballot = cheat(ELECTION.context, new int[]{1, 1, 0}, new int[]{1, 1, 0});

        assertThat(verifier.verify(ballot).valid()).isFalse();
    }

    @Test
    void aBlankBallotIsRejectedWhenBlankVotesAreNotAllowed() {
        EncryptedBallot ballot = cheat(ELECTION.context, new int[]{0, 0, 0}, new int[]{0, 0, 0});

        assertThat(verifier.verify(ballot).valid()).isFalse();
    }

    @Test
    void aSelectionOfTwoIsRejectedEvenWhenTheBallotSumsToOne() {
        // 2 + (−1) + 0 = 1: the contest proof holds, the selection proofs cannot
        EncryptedBallot ballot = cheat(ELECTION.context, new int[]{2, -1, 0}, new int[]{1, 0, 0});

        assertThat(verifier.verify(ballot).valid()).isFalse();
    }

    @Test
    void aProofWithAWrongChallengeIsRejected() {
        EncryptedBallot honest = ELECTION.encryptor.encrypt("desa-1", "desa-1-calon-1");
        DisjunctiveProof p = honest.selections().get(0).proof();
        BigInteger c0 = Group.decodeScalar(p.c0()).add(BigInteger.ONE);
        BigInteger c1 = Group.decodeScalar(p.c1()).subtract(BigInteger.ONE);
        DisjunctiveProof shifted = new DisjunctiveProof(p.a0(), p.b0(), p.a1(), p.b1(), Group.encode(c0),
                Group.encode(c1), p.v0(), p.v1());
        DisjunctiveProof unbalanced = new DisjunctiveProof(p.a0(), p.b0(), p.a1(), p.b1(), Group.encode(c0), p.c1(),
                p.v0(), p.v1());

        assertThat(verifier.verify(withFirstProof(honest, shifted)).valid()).isFalse();
        BallotVerification outcome = verifier.verify(withFirstProof(honest, unbalanced));
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.reason()).contains("wrong challenges");
    }

    @Test
    void aProofBoundToAnotherManifestIsRejected() {
        ElectionManifest original = ELECTION.manifest;
        ElectionManifest other = new ElectionManifest(original.electionId(), original.jurisdictionId(),
                original.name() + " (ulang)", original.electionDate(), original.timeZone(), original.opensAt(),
                original.closesAt(), original.blankVotesAllowed(), original.contests());
        BallotContext otherContext = new BallotContext(other, ELECTION.electionKey);
        EncryptedBallot forOther = new BallotEncryptor(otherContext).encrypt("desa-1", "desa-1-calon-1");
        EncryptedBallot relabelled = new EncryptedBallot(forOther.electionId(), ELECTION.context.manifestHash(),
                forOther.villageCode(), forOther.selections(), forOther.exactlyOneProof(), null);

        assertThat(verifier.verify(forOther).reason()).isEqualTo("ballot is bound to another manifest");
        assertThat(verifier.verify(relabelled).valid()).isFalse();
    }

    @Test
    void aBallotWithSelectionsOutOfOrderOrMissingIsRejected() {
        EncryptedBallot honest = ELECTION.encryptor.encrypt("desa-1", "desa-1-calon-3");
        List<EncryptedSelection> reversed = new ArrayList<>(honest.selections());
        java.util.Collections.reverse(reversed);

        assertThat(verifier.verify(new EncryptedBallot(honest.electionId(), honest.manifestHash(), "desa-1",
                reversed, honest.exactlyOneProof(), null)).reason()).contains("must be for candidate");
        assertThat(verifier.verify(new EncryptedBallot(honest.electionId(), honest.manifestHash(), "desa-1",
                honest.selections().subList(0, 2), honest.exactlyOneProof(), null)).reason())
                .contains("one selection per candidate");
    }

    @Test
    void batchVerificationNamesTheInvalidBallotsAmongValidOnes() {
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ballots.add(ELECTION.encryptor.encrypt("desa-1", "desa-1-calon-" + (1 + i % 3)));
        }
        ballots.set(4, cheat(ELECTION.context, new int[]{1, 1, 0}, new int[]{1, 1, 0}));

        List<BallotVerification> outcomes = verifier.verifyAll(ballots, 2);

        assertThat(outcomes).extracting(BallotVerification::valid)
                .containsExactly(true, true, true, true, false, true);
    }

    @Test
    void aFailingBatchIsBisectedAndNamesExactlyTheInvalidBallots() {
        int count = 2 * BallotVerifier.SINGLE_BELOW + 20;    // large enough to be split before single checks
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ballots.add(ELECTION.encryptor.encrypt("desa-1", "desa-1-calon-" + (1 + i % 3)));
        }
        List<Integer> bad = List.of(0, count / 2 - 1, count / 2, count - 1);
        for (int i : bad) {
            ballots.set(i, cheat(ELECTION.context, new int[]{1, 1, 0}, new int[]{1, 1, 0}));
        }
        EncryptedBallot honest = ballots.get(5);
        DisjunctiveProof p = honest.selections().get(0).proof();
        ballots.set(7, withFirstProof(honest, new DisjunctiveProof(p.a0(), p.b0(), p.a1(), p.b1(), "AA==", p.c1(),
                p.v0(), p.v1())));                         // malformed: rejected before the batch
        List<String> codes = ballots.stream().map(EncryptedBallot::trackingCode).toList();

        ChunkVerification result = verifier.verifyChunk(ballots, codes);

        for (int i = 0; i < count; i++) {
            boolean valid = !bad.contains(i) && i != 7;
            assertThat(result.outcomes().get(i).valid()).as("ballot %d", i).isEqualTo(valid);
            assertThat(result.decoded().get(i) != null).as("decoded %d", i).isEqualTo(valid);
            assertThat(result.outcomes().get(i).trackingCode()).isEqualTo(codes.get(i));
        }
        assertThat(result.outcomes().get(7).reason()).startsWith("malformed ballot");
        assertThat(result.outcomes().get(0).reason()).isEqualTo("a proof does not verify");
        assertThat(verifier.verifyAll(ballots, 2)).extracting(BallotVerification::valid)
                .isEqualTo(result.outcomes().stream().map(BallotVerification::valid).toList());
    }

    private static EncryptedBallot withFirstProof(EncryptedBallot ballot, DisjunctiveProof proof) {
        List<EncryptedSelection> selections = new ArrayList<>(ballot.selections());
        EncryptedSelection first = selections.get(0);
        selections.set(0, new EncryptedSelection(first.candidateId(), first.ciphertext(), proof));
        return new EncryptedBallot(ballot.electionId(), ballot.manifestHash(), ballot.villageCode(), selections,
                ballot.exactlyOneProof(), ballot.atMostOneProof());
    }

    /**
     * A dishonest booth: encrypts {@code plain[i]} for candidate i but proves {@code claimed[i]} ∈ {0, 1}, and proves
     * the sum is one with the honest nonce, whatever the plaintexts.
     */
    static EncryptedBallot cheat(BallotContext context, int[] plain, int[] claimed) {
        Contest contest = context.manifest().contests().get(0);
        ECPoint key = context.keyPoint();
        List<EncryptedSelection> selections = new ArrayList<>();
        List<byte[]> components = new ArrayList<>();
        BigInteger nonces = BigInteger.ZERO;
        for (int i = 0; i < plain.length; i++) {
            Candidate candidate = contest.candidates().get(i);
            BigInteger r = Group.randomScalar();
            nonces = nonces.add(r);
            String alpha = Group.encode(Group.timesGenerator(r).normalize());
            String beta = Group.encode(Group.timesFixed(key, r)
                    .add(Group.timesGenerator(BigInteger.valueOf(plain[i]))).normalize());
            components.add(Group.rawBytes(alpha));
            components.add(Group.rawBytes(beta));
            Transcript transcript = BallotVerifier.selectionTranscript(context, contest.villageCode(),
                    candidate.candidateId(), Group.rawBytes(alpha), Group.rawBytes(beta));
            selections.add(new EncryptedSelection(candidate.candidateId(), new Ciphertext(alpha, beta),
                    Proofs.proveZeroOrOne(transcript, key, claimed[i], r)));
        }
        Transcript transcript = BallotVerifier.contestTranscript(context, Proofs.EXACTLY_ONE_DOMAIN,
                contest.villageCode(), components);
        return new EncryptedBallot(context.manifest().electionId(), context.manifestHash(), contest.villageCode(),
                selections, Proofs.proveOne(transcript, key, nonces.mod(Group.ORDER)), null);
    }
}
