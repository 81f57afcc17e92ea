package id.kotacerdas.election.crypto;

import id.kotacerdas.election.crypto.ballot.BallotVerification;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.record.ElectionRecord;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.CandidateVotes;
import id.kotacerdas.election.crypto.tally.VillageResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionRoundTripTest {

    @Test
    void encryptedBallotsVerifyAndTheDecryptedTallyMatchesTheVotesCast() {
        SampleElection election = new SampleElection(SampleElection.manifest("pilkades-rt", 2, 3, 2, false), 3)
                .castEverywhere(5);
        BallotVerifier verifier = new BallotVerifier(election.context);
        List<EncryptedBallot> ballots = election.board().stream().map(BoardEntry::ballot).toList();

        assertThat(verifier.verifyAll(ballots, 2)).hasSize(20).allMatch(BallotVerification::valid);

        ElectionRecord record = election.close();
        for (VillageResult village : record.recap().villages()) {
            assertThat(village.ballots()).isEqualTo(10);
            for (CandidateVotes votes : village.candidates()) {
                assertThat(votes.votes()).as(votes.candidateId())
                        .isEqualTo(election.expected.get(village.villageCode()).getOrDefault(votes.candidateId(), 0L));
            }
        }
        assertThat(record.recap().totalBallots()).isEqualTo(20);
        long tpsLevelVotes = record.results().stream().filter(r -> r.tpsId() != null)
                .mapToLong(AggregateResult::votes).sum();
        assertThat(tpsLevelVotes).isEqualTo(20);
    }

    @Test
    void blankBallotsCountAsCastButForNoCandidate() {
        SampleElection election = new SampleElection(SampleElection.manifest("pilkades-blank", 1, 2, 1, true), 2);
        election.cast("desa-1-tps-1", election.encryptor.encrypt("desa-1", null));
        election.cast("desa-1-tps-1", election.encryptor.encrypt("desa-1", "desa-1-calon-2"));
        BallotVerifier verifier = new BallotVerifier(election.context);
        election.board().forEach(entry -> assertThat(verifier.verify(entry.ballot()).valid()).isTrue());

        VillageResult village = election.close().recap().villages().get(0);

        assertThat(village.ballots()).isEqualTo(2);
        assertThat(village.blank()).isEqualTo(1);
        assertThat(village.candidates()).extracting(CandidateVotes::votes).containsExactly(0L, 1L);
        assertThat(village.winnerCandidateIds()).containsExactly("desa-1-calon-2");
    }
}
