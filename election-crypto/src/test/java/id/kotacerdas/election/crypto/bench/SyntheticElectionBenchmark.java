package id.kotacerdas.election.crypto.bench;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.BallotVerification;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
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
import id.kotacerdas.election.crypto.record.ElectionRecordReader;
import id.kotacerdas.election.crypto.record.ElectionRecordWriter;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;
import id.kotacerdas.election.crypto.verifier.RecordVerifier;
import id.kotacerdas.election.crypto.verifier.VerificationReport;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Not a test: builds (once, cached under target/bench/) a synthetic Pilkades of V villages × N voters, everyone
 * voting, 2–5 candidates per village, 500 voters per TPS, 3 guardians; then prints ballots verified per second per
 * core, the time to tally and decrypt, and the time to fully verify the record.
 * Arguments: [villages=48] [votersPerVillage=3000] [threads=all cores].
 */
public final class SyntheticElectionBenchmark {

    public static void main(String[] args) throws Exception {
        int villages = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int voters = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Path directory = Path.of("target", "bench");
        Files.createDirectories(directory);
        Path record = directory.resolve("election-" + villages + "x" + voters + ".zip");
        if (!Files.exists(record)) {
            build(record, villages, voters, threads);
        } else {
            System.out.println("using cached synthetic record " + record);
        }
        System.out.printf("record size: %.1f MB%n", Files.size(record) / 1e6);

        ElectionManifest manifest;
        String electionKey;
        List<EncryptedBallot> sample = new ArrayList<>();
        try (ElectionRecordReader reader = new ElectionRecordReader(record)) {
            manifest = reader.manifest();
            electionKey = reader.electionKey();
            Iterator<BoardEntry> board = reader.board();
            while (board.hasNext() && sample.size() < 6000) {
                sample.add(board.next().ballot());
            }
        }
        BallotVerifier verifier = new BallotVerifier(new BallotContext(manifest, electionKey));
        verifyOnThisThread(verifier, sample);    // warm-up: the same work once (batches are 4,096 ballots)
        long started = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<BallotVerification> single = verifyOnThisThread(verifier, sample);
        double oneCore = sample.size() / ((System.nanoTime() - started) / 1e9);
        double oneCoreCpu = sample.size() / ((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
        started = System.nanoTime();
        verifier.verifyAll(sample, threads);
        double allCores = sample.size() / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        int castTime = 300;
        for (int i = 0; i < castTime; i++) {
            verifier.verify(sample.get(i));
        }
        double castMillis = (System.nanoTime() - started) / 1e6 / castTime;
        System.out.printf("ballot verification: %.0f ballots/s on 1 thread (batched; %.0f per CPU-second), %.0f "
                + "ballots/s on %d threads (%.0f per core); cast-time single-ballot check %.2f ms; all valid: %s%n",
                oneCore, oneCoreCpu, allCores, threads, allCores / threads, castMillis,
                single.stream().allMatch(BallotVerification::valid));

        started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        VerificationReport report = new RecordVerifier(threads, System.out::println).verify(record, List.of());
        System.out.printf("full verification of %d villages × %d voters: %.1f s wall, %.1f s CPU (all threads), "
                        + "%s; load average now %.1f on %d cores%n", villages, voters,
                (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpuStarted) / 1e9,
                report.allPassed() ? "VALID" : "INVALID",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void build(Path record, int villages, int voters, int threads) throws Exception {
        System.out.println("building synthetic record " + record + " (once; cached)");
        long started = System.nanoTime();
        List<Contest> contests = IntStream.rangeClosed(1, villages).mapToObj(v -> {
            String village = String.format("desa-%02d", v);
            int candidateCount = 2 + (v % 4);
            List<Candidate> candidates = IntStream.rangeClosed(1, candidateCount)
                    .mapToObj(c -> new Candidate(village + "-calon-" + c, c, "Calon " + c + " (synthetic)", null))
                    .toList();
            int tpsCount = Math.max(1, (voters + 499) / 500);
            List<String> tps = IntStream.rangeClosed(1, tpsCount).mapToObj(t -> village + "-tps-" + t).toList();
            return new Contest(village, "Desa Sintetis " + v, candidates, tps);
        }).toList();
        ElectionManifest manifest = new ElectionManifest("pilkades-bench", "banyuasin",
                "Pilkades Serentak (synthetic benchmark)", "2026-11-27", "Asia/Jakarta", "2026-11-27T00:00:00Z",
                "2026-11-27T06:00:00Z", false, contests);
        List<GuardianKeyPair> guardians = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> GuardianKeyPair.generate(manifest.electionId(), "guardian-" + i, i)).toList();
        List<GuardianPublicKey> publicKeys = guardians.stream().map(GuardianKeyPair::publicKey).toList();
        String electionKey = ElectionKey.combine(manifest.electionId(), publicKeys);
        BallotContext context = new BallotContext(manifest, electionKey);
        BallotEncryptor encryptor = new BallotEncryptor(context);
        TallyAccumulator tally = new TallyAccumulator(manifest);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ElectionRecordWriter writer = new ElectionRecordWriter(Files.newOutputStream(record))) {
            writer.writeManifest(manifest, context.manifestHash());
            writer.writeGuardians(publicKeys, electionKey);
            String previous = BoardChain.genesis(manifest.electionId(), context.manifestHash());
            long sequence = 0;
            for (Contest contest : contests) {
                List<Future<EncryptedBallot>> ballots = new ArrayList<>(voters);
                for (int i = 0; i < voters; i++) {
                    int voter = i;
                    ballots.add(pool.submit(() -> encryptor.encrypt(contest.villageCode(),
                            contest.candidates().get(pick(voter, contest.candidates().size())).candidateId())));
                }
                for (int i = 0; i < voters; i++) {
                    String tps = contest.tpsIds().get(i / 500);
                    BoardEntry entry = BoardChain.append(previous, ++sequence, tps, ballots.get(i).get());
                    previous = entry.entryHash();
                    tally.add(tps, entry.ballot());
                    writer.writeBoardEntry(entry);
                }
                System.out.printf("  %s: %d ballots encrypted (%.0f s)%n", contest.villageCode(), voters,
                        (System.nanoTime() - started) / 1e9);
            }
            long tallyStarted = System.nanoTime();
            List<AggregateCiphertext> aggregates = tally.aggregates();
            List<GuardianDecryption> decryptions = guardians.stream()
                    .map(g -> g.secretKey().decrypt(context, aggregates)).toList();
            List<AggregateResult> results = TallyDecryptor.decrypt(context, publicKeys, aggregates, decryptions);
            System.out.printf("time to tally (aggregates already summed while casting; 3 guardians' partial "
                    + "decryptions, their check, combination and discrete logs): %.1f s for %d aggregates%n",
                    (System.nanoTime() - tallyStarted) / 1e9, aggregates.size());
            writer.writeAggregates(aggregates);
            writer.writeDecryptions(decryptions);
            writer.writeResults(results, Recap.of(manifest, results));
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("built in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static List<BallotVerification> verifyOnThisThread(BallotVerifier verifier,
                                                               List<EncryptedBallot> ballots) {
        List<BallotVerification> outcomes = new ArrayList<>();
        for (int from = 0; from < ballots.size(); from += BallotVerifier.CHUNK) {
            outcomes.addAll(verifier.verifyChunk(ballots.subList(from, Math.min(ballots.size(),
                    from + BallotVerifier.CHUNK))).outcomes());
        }
        return outcomes;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A skewed but deterministic choice so the results are not uniform. */
    private static int pick(int voter, int candidates) {
        int bucket = Math.floorMod(voter * 7919 + voter / 3, 10);
        return bucket < 4 ? 0 : bucket % candidates;
    }
}
