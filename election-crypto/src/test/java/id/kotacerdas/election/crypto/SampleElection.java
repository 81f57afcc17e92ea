package id.kotacerdas.election.crypto;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.board.BoardChain;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.guardian.ElectionKey;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.ElectionRecord;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** A small sample Pilkades (sample data): builds a complete, valid election record the way voting-service would. */
public final class SampleElection {

    public static ElectionManifest manifest(String electionId, int villages, int candidates, int tpsPerVillage,
                                            boolean blankVotesAllowed) {
        List<Contest> contests = IntStream.rangeClosed(1, villages).mapToObj(v -> {
            String village = "desa-" + v;
            List<Candidate> people = IntStream.rangeClosed(1, candidates)
                    .mapToObj(c -> new Candidate(village + "-calon-" + c, c, "Calon " + c + " (sample)", null))
                    .toList();
            List<String> tps = IntStream.rangeClosed(1, tpsPerVillage).mapToObj(t -> village + "-tps-" + t).toList();
            return new Contest(village, "Desa Contoh " + v, people, tps);
        }).toList();
        return new ElectionManifest(electionId, "banyuasin", "Pilkades Serentak (sample)", "2026-11-27",
                "Asia/Jakarta", "2026-11-27T00:00:00Z", "2026-11-27T06:00:00Z", blankVotesAllowed, contests);
    }

    public final ElectionManifest manifest;
    public final List<GuardianKeyPair> guardians;
    public final String electionKey;
    public final BallotContext context;
    public final BallotEncryptor encryptor;
    /** Expected village totals: village → candidate → votes. */
    public final Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
    private final List<BoardEntry> board = new ArrayList<>();

    public SampleElection(ElectionManifest manifest, int guardianCount) {
        this.manifest = manifest;
        this.guardians = IntStream.rangeClosed(1, guardianCount)
                .mapToObj(i -> GuardianKeyPair.generate(manifest.electionId(), "guardian-" + i, i)).toList();
        this.electionKey = ElectionKey.combine(manifest.electionId(), publicKeys());
        this.context = new BallotContext(manifest, electionKey);
        this.encryptor = new BallotEncryptor(context);
    }

    public List<GuardianPublicKey> publicKeys() {
        return guardians.stream().map(GuardianKeyPair::publicKey).toList();
    }

    /** Casts {@code perTps} ballots at every TPS; ballot i votes for candidate (i mod (candidates + 1)), blank last. */
    public SampleElection castEverywhere(int perTps) {
        for (Contest contest : manifest.contests()) {
            int i = 0;
            for (String tps : contest.tpsIds()) {
                for (int b = 0; b < perTps; b++, i++) {
                    int choices = contest.candidates().size() + (manifest.blankVotesAllowed() ? 1 : 0);
                    int choice = i % choices;
                    String candidate = choice < contest.candidates().size()
                            ? contest.candidates().get(choice).candidateId() : null;
                    cast(tps, encryptor.encrypt(contest.villageCode(), candidate));
                    if (candidate != null) {
                        expected.computeIfAbsent(contest.villageCode(), k -> new LinkedHashMap<>())
                                .merge(candidate, 1L, Long::sum);
                    }
                }
            }
        }
        return this;
    }

    public BoardEntry cast(String tpsId, EncryptedBallot ballot) {
        String previous = board.isEmpty() ? BoardChain.genesis(manifest.electionId(), context.manifestHash())
                : board.get(board.size() - 1).entryHash();
        BoardEntry entry = BoardChain.append(previous, board.size() + 1, tpsId, ballot);
        board.add(entry);
        return entry;
    }

    public List<BoardEntry> board() {
        return List.copyOf(board);
    }

    /** Closes the election: aggregates, every guardian's partial decryption, results and recap. */
    public ElectionRecord close() {
        TallyAccumulator accumulator = new TallyAccumulator(manifest);
        board.forEach(entry -> accumulator.add(entry.tpsId(), entry.ballot()));
        List<AggregateCiphertext> aggregates = accumulator.aggregates();
        List<GuardianDecryption> decryptions = guardians.stream()
                .map(g -> g.secretKey().decrypt(context, aggregates)).toList();
        List<AggregateResult> results = TallyDecryptor.decrypt(context, publicKeys(), aggregates, decryptions);
        return new ElectionRecord(manifest, context.manifestHash(), publicKeys(), electionKey, board(), aggregates,
                decryptions, results, Recap.of(manifest, results));
    }
}
