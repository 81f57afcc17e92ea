package id.kotacerdas.election.crypto.verifier;

import id.kotacerdas.election.crypto.SampleElection;
import id.kotacerdas.election.crypto.ballot.Ciphertext;
import id.kotacerdas.election.crypto.ballot.DisjunctiveProof;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.ballot.EncryptedSelection;
import id.kotacerdas.election.crypto.board.BoardChain;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.PartialDecryption;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.ElectionRecord;
import id.kotacerdas.election.crypto.record.ElectionRecordWriter;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.CandidateVotes;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.election.crypto.tally.VillageResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTamperingTest {

    private static ElectionRecord valid;

    @TempDir
    Path directory;

    @BeforeAll
    static void runElection() {
        valid = new SampleElection(SampleElection.manifest("pilkades-tamper", 2, 3, 2, false), 2)
                .castEverywhere(3).close();
    }

    @Test
    void theUntouchedRecordPassesEveryCheckAndFindsTheVotersTrackingCodes() {
        String code = valid.board().get(4).trackingCode();

        VerificationReport report = verify(valid, List.of(code));

        assertThat(report.failures()).isEmpty();
        assertThat(report.checks()).extracting(Check::name).contains("manifest hash", "guardian keys",
                "board hash chain", "ballot proofs", "tracking code " + code + " is on the board", "aggregates",
                "partial decryptions", "results", "recap");
    }

    @Test
    void anUnknownTrackingCodeFails() {
        assertFailed(verify(valid, List.of("0".repeat(64))), "tracking code " + "0".repeat(64) + " is on the board");
    }

    @Test
    void aChangedBallotCiphertextFails() {
        ElectionRecord tampered = withBoard(board -> {
            EncryptedBallot ballot = board.get(2).ballot();
            EncryptedSelection first = ballot.selections().get(0);
            String otherAlpha = board.get(3).ballot().selections().get(0).ciphertext().alpha();
            return replaceSelection(board, 2, new EncryptedSelection(first.candidateId(),
                    new Ciphertext(otherAlpha, first.ciphertext().beta()), first.proof()));
        });
        assertFailed(verify(tampered, List.of()), "ballot proofs", "board hash chain");
    }

    @Test
    void aChangedBallotCiphertextFailsEvenWithTheChainRebuilt() {
        ElectionRecord tampered = withBoard(board -> rechain(replaceSelection(board, 2,
                swapVotes(board.get(2).ballot().selections().get(0)))));
        assertFailed(verify(tampered, List.of()), "ballot proofs", "aggregates");
    }

    @Test
    void aChangedProofFails() {
        ElectionRecord tampered = withBoard(board -> {
            EncryptedSelection first = board.get(1).ballot().selections().get(1);
            DisjunctiveProof p = first.proof();
            DisjunctiveProof changed = new DisjunctiveProof(p.a0(), p.b0(), p.a1(), p.b1(), p.c0(), p.c1(), p.v1(),
                    p.v0());
            return rechain(replaceSelection(board, 1,
                    new EncryptedSelection(first.candidateId(), first.ciphertext(), changed), 1));
        });
        assertFailed(verify(tampered, List.of()), "ballot proofs");
    }

    @Test
    void aBrokenChainLinkFails() {
        ElectionRecord tampered = withBoard(board -> {
            BoardEntry entry = board.get(5);
            board.set(5, new BoardEntry(entry.sequence(), entry.tpsId(), entry.trackingCode(),
                    board.get(3).entryHash(), entry.entryHash(), entry.ballot()));
            return board;
        });
        assertFailed(verify(tampered, List.of()), "board hash chain");
    }

    @Test
    void aRemovedBallotFails() {
        String removedCode = valid.board().get(7).trackingCode();
        ElectionRecord tampered = withBoard(board -> {
            board.remove(7);
            return board;
        });
        assertFailed(verify(tampered, List.of(removedCode)), "board hash chain", "aggregates",
                "tracking code " + removedCode + " is on the board");
        ElectionRecord rechained = withBoard(board -> {
            board.remove(7);
            return rechain(board);
        });
        assertFailed(verify(rechained, List.of(removedCode)), "aggregates",
                "tracking code " + removedCode + " is on the board");
    }

    @Test
    void aDuplicatedBallotFails() {
        ElectionRecord tampered = withBoard(board -> {
            board.add(8, board.get(7));
            return rechain(board);
        });
        assertFailed(verify(tampered, List.of()), "board hash chain", "aggregates");
    }

    @Test
    void aChangedAggregateFails() {
        List<AggregateCiphertext> aggregates = new ArrayList<>(valid.aggregates());
        AggregateCiphertext first = aggregates.get(0);
        AggregateCiphertext second = aggregates.get(1);
        aggregates.set(0, new AggregateCiphertext(first.aggregateId(), first.villageCode(), first.tpsId(),
                first.candidateId(), first.ballots(), second.ciphertext()));
        ElectionRecord tampered = new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), aggregates, valid.decryptions(), valid.results(), valid.recap());

        assertFailed(verify(tampered, List.of()), "aggregates", "partial decryptions");
    }

    @Test
    void aChangedPartialDecryptionFails() {
        List<GuardianDecryption> decryptions = new ArrayList<>(valid.decryptions());
        GuardianDecryption guardian = decryptions.get(1);
        List<PartialDecryption> shares = new ArrayList<>(guardian.shares());
        PartialDecryption share = shares.get(3);
        String otherPoint = Group.encode(Group.decodePoint(share.share()).add(Group.GENERATOR).normalize());
        shares.set(3, new PartialDecryption(share.aggregateId(), otherPoint, share.proof()));
        decryptions.set(1, new GuardianDecryption(guardian.electionId(), guardian.guardianId(), shares));
        ElectionRecord tampered = new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), decryptions, valid.results(), valid.recap());

        assertFailed(verify(tampered, List.of()), "partial decryptions", "results");
    }

    @Test
    void aChangedResultNumberFails() {
        List<AggregateResult> results = new ArrayList<>(valid.results());
        AggregateResult first = results.get(0);
        results.set(0, new AggregateResult(first.aggregateId(), first.villageCode(), first.tpsId(),
                first.candidateId(), first.ballots(), first.votes() + 1));
        ElectionRecord tampered = new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), valid.decryptions(), results, valid.recap());

        assertFailed(verify(tampered, List.of()), "results");
    }

    @Test
    void aChangedRecapFails() {
        Recap recap = valid.recap();
        VillageResult village = recap.villages().get(0);
        List<CandidateVotes> votes = new ArrayList<>(village.candidates());
        CandidateVotes first = votes.get(0);
        votes.set(0, new CandidateVotes(first.candidateId(), first.ballotNumber(), first.name(), first.votes() + 5));
        List<VillageResult> villages = new ArrayList<>(recap.villages());
        villages.set(0, new VillageResult(village.villageCode(), village.villageName(), village.ballots(),
                village.blank(), votes, village.winnerCandidateIds()));
        ElectionRecord tampered = new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), valid.decryptions(), valid.results(),
                new Recap(recap.electionId(), villages, recap.totalBallots()));

        assertFailed(verify(tampered, List.of()), "recap");
    }

    @Test
    void aChangedManifestFails() {
        ElectionManifest manifest = valid.manifest();
        Contest contest = manifest.contests().get(0);
        List<Candidate> candidates = new ArrayList<>(contest.candidates());
        Candidate first = candidates.get(0);
        candidates.set(0, new Candidate(first.candidateId(), first.ballotNumber(), "Calon Lain", null));
        List<Contest> contests = new ArrayList<>(manifest.contests());
        contests.set(0, new Contest(contest.villageCode(), contest.villageName(), candidates, contest.tpsIds()));
        ElectionManifest changed = new ElectionManifest(manifest.electionId(), manifest.jurisdictionId(),
                manifest.name(), manifest.electionDate(), manifest.timeZone(), manifest.opensAt(), manifest.closesAt(),
                manifest.blankVotesAllowed(), contests);
        ElectionRecord keptHash = new ElectionRecord(changed, valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), valid.decryptions(), valid.results(),
                valid.recap());
        ElectionRecord newHash = new ElectionRecord(changed, changed.hash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), valid.decryptions(), valid.results(),
                valid.recap());

        assertFailed(verify(keptHash, List.of()), "manifest hash");
        assertFailed(verify(newHash, List.of()), "ballot proofs", "board hash chain", "partial decryptions");
    }

    @Test
    void anyFlippedByteInTheFileFails() throws IOException {
        Path file = directory.resolve("record.zip");
        ElectionRecordWriter.write(file, valid);
        byte[] bytes = Files.readAllBytes(file);
        for (int position : new int[]{bytes.length / 5, bytes.length / 2, bytes.length - 30}) {
            byte[] copy = bytes.clone();
            copy[position] ^= 0x01;
            Path flipped = directory.resolve("flipped-" + position + ".zip");
            Files.write(flipped, copy);

            assertThat(new RecordVerifier(2, c -> { }).verify(flipped, List.of()).allPassed())
                    .as("byte %d flipped", position).isFalse();
        }
    }

    @Test
    void theCliPrintsEachCheckAndExitsNonZeroOnAnyFailure() {
        Path good = directory.resolve("good.zip");
        ElectionRecordWriter.write(good, valid);
        Path bad = directory.resolve("bad.zip");
        List<AggregateResult> results = new ArrayList<>(valid.results());
        AggregateResult last = results.get(results.size() - 1);
        results.set(results.size() - 1, new AggregateResult(last.aggregateId(), last.villageCode(), last.tpsId(),
                last.candidateId(), last.ballots(), last.votes() == 0 ? 1 : 0));
        ElectionRecordWriter.write(bad, new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(),
                valid.electionKey(), valid.board(), valid.aggregates(), valid.decryptions(), results, valid.recap()));
        ByteArrayOutputStream goodOut = new ByteArrayOutputStream();
        ByteArrayOutputStream badOut = new ByteArrayOutputStream();

        int goodExit = VerifierCli.run(new String[]{good.toString(), "--tracking-code",
                valid.board().get(0).trackingCode()}, new PrintStream(goodOut, true, StandardCharsets.UTF_8));
        int badExit = VerifierCli.run(new String[]{bad.toString()}, new PrintStream(badOut, true,
                StandardCharsets.UTF_8));

        assertThat(goodExit).isZero();
        assertThat(goodOut.toString(StandardCharsets.UTF_8)).contains("PASS  ballot proofs").doesNotContain("FAIL");
        assertThat(badExit).isEqualTo(1);
        assertThat(badOut.toString(StandardCharsets.UTF_8)).contains("FAIL  results").contains("INVALID");
        assertThat(VerifierCli.run(new String[]{}, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    private VerificationReport verify(ElectionRecord record, List<String> trackingCodes) {
        Path file = directory.resolve("record-" + System.nanoTime() + ".zip");
        ElectionRecordWriter.write(file, record);
        return new RecordVerifier(2, c -> { }).verify(file, trackingCodes);
    }

    private static void assertFailed(VerificationReport report, String... checks) {
        assertThat(report.allPassed()).isFalse();
        assertThat(report.failures()).extracting(Check::name).contains(checks);
    }

    private static ElectionRecord withBoard(UnaryOperator<List<BoardEntry>> change) {
        List<BoardEntry> board = change.apply(new ArrayList<>(valid.board()));
        return new ElectionRecord(valid.manifest(), valid.manifestHash(), valid.guardians(), valid.electionKey(),
                board, valid.aggregates(), valid.decryptions(), valid.results(), valid.recap());
    }

    private static List<BoardEntry> replaceSelection(List<BoardEntry> board, int index,
                                                     EncryptedSelection selection) {
        return replaceSelection(board, index, selection, 0);
    }

    private static List<BoardEntry> replaceSelection(List<BoardEntry> board, int index,
                                                     EncryptedSelection selection, int position) {
        BoardEntry entry = board.get(index);
        EncryptedBallot ballot = entry.ballot();
        List<EncryptedSelection> selections = new ArrayList<>(ballot.selections());
        selections.set(position, selection);
        board.set(index, new BoardEntry(entry.sequence(), entry.tpsId(), entry.trackingCode(),
                entry.previousHash(), entry.entryHash(), new EncryptedBallot(ballot.electionId(),
                ballot.manifestHash(), ballot.villageCode(), selections, ballot.exactlyOneProof(),
                ballot.atMostOneProof())));
        return board;
    }

    /** Replaces β by G − β, keeping α and the proof: a crude attempt to flip a vote. */
    private static EncryptedSelection swapVotes(EncryptedSelection selection) {
        String beta = Group.encode(Group.GENERATOR.subtract(Group.decodePoint(selection.ciphertext().beta()))
                .normalize());
        return new EncryptedSelection(selection.candidateId(),
                new Ciphertext(selection.ciphertext().alpha(), beta), selection.proof());
    }

    /** Recomputes every link as an attacker with write access to the board would. */
    private static List<BoardEntry> rechain(List<BoardEntry> board) {
        List<BoardEntry> chained = new ArrayList<>();
        String previous = BoardChain.genesis(valid.manifest().electionId(), valid.manifestHash());
        for (BoardEntry entry : board) {
            BoardEntry link = BoardChain.append(previous, chained.size() + 1, entry.tpsId(), entry.ballot());
            chained.add(link);
            previous = link.entryHash();
        }
        return chained;
    }
}
