package id.kotacerdas.election.crypto.bench;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.election.crypto.ballot.ChunkVerification;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.guardian.ElectionKey;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * JMH micro-benchmarks of one core's ballot work (run with {@code org.openjdk.jmh.Main BallotVerificationBenchmark}):
 * encrypting a ballot, the cast-time check of one ballot, and batched verification per ballot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class BallotVerificationBenchmark {

    private static final int BATCH = BallotVerifier.CHUNK;

    @Param({"2", "5"})
    int candidates;

    private BallotEncryptor encryptor;
    private BallotVerifier verifier;
    private List<EncryptedBallot> ballots;

    @Setup
    public void setUp() {
        List<Candidate> people = IntStream.rangeClosed(1, candidates)
                .mapToObj(c -> new Candidate("calon-" + c, c, "Calon " + c, null)).toList();
        ElectionManifest manifest = new ElectionManifest("pilkades-jmh", "banyuasin", "JMH (synthetic)",
                "2026-11-27", "Asia/Jakarta", "2026-11-27T00:00:00Z", "2026-11-27T06:00:00Z", false,
                List.of(new Contest("desa-1", "Desa Sintetis", people, List.of("tps-1"))));
        String key = ElectionKey.combine("pilkades-jmh",
                List.of(GuardianKeyPair.generate("pilkades-jmh", "guardian-1", 1).publicKey()));
        BallotContext context = new BallotContext(manifest, key);
        encryptor = new BallotEncryptor(context);
        verifier = new BallotVerifier(context);
        ballots = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ballots.add(encryptor.encrypt("desa-1", "calon-" + (1 + i % candidates)));
        }
    }

    @Benchmark
    public EncryptedBallot encryptOneBallot() {
        return encryptor.encrypt("desa-1", "calon-1");
    }

    @Benchmark
    public boolean verifyOneBallotAtCastTime() {
        return verifier.verify(ballots.get(0)).valid();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ChunkVerification verifyBatchedPerBallot() {
        return verifier.verifyChunk(ballots);
    }
}
