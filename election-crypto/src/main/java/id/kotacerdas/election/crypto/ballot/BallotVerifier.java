package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.group.BatchCheck;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.InvalidEncodingException;
import id.kotacerdas.election.crypto.group.Transcript;
import id.kotacerdas.election.crypto.manifest.Contest;
import org.bouncycastle.math.ec.ECPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks ballots against the manifest and election key: shape (election, manifest hash, village, one selection per
 * candidate in manifest order, the right contest proof), encodings, and every proof. Thread-safe; one instance per
 * election. Proof equations are checked in batches (see {@link BatchCheck}); a failing batch is re-checked ballot by
 * ballot so the invalid ones are named.
 */
public final class BallotVerifier {

    /**
     * Ballots per batch equation in {@link #verifyAll} and the record verifier: larger batches let the
     * multi-scalar multiplication use wider windows (fewer additions per point); 4,096 ballots are ~100,000 points.
     */
    public static final int CHUNK = 4096;
    /** Below this many ballots, a failed batch is re-checked ballot by ballot (see {@link #verifyChunk}). */
    static final int SINGLE_BELOW = 64;

    private final BallotContext context;

    public BallotVerifier(BallotContext context) {
        this.context = context;
    }

    public BallotContext context() {
        return context;
    }

    /** Checks one ballot (the cast-time check). */
    public BallotVerification verify(EncryptedBallot ballot) {
        String trackingCode;
        try {
            trackingCode = ballot.trackingCode();
        } catch (RuntimeException e) {
            return BallotVerification.invalid(null, "malformed ballot: " + e.getMessage());
        }
        try {
            BatchCheck batch = new BatchCheck();
            addTo(batch, ballot);
            return batch.holds() ? BallotVerification.valid(trackingCode)
                    : BallotVerification.invalid(trackingCode, "a proof does not verify");
        } catch (BallotRejectedException e) {
            return BallotVerification.invalid(trackingCode, e.getMessage());
        }
    }

    /** Checks all ballots on {@code parallelism} threads; the result lists each ballot's outcome in input order. */
    public List<BallotVerification> verifyAll(List<EncryptedBallot> ballots, int parallelism) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<ChunkVerification>> futures = new ArrayList<>();
            int threads = Math.max(1, parallelism);
            int chunks = (ballots.size() + CHUNK - 1) / CHUNK;
            chunks = (chunks + threads - 1) / threads * threads;    // equal chunks, a multiple of the threads
            int size = Math.max(1, (ballots.size() + chunks - 1) / Math.max(1, chunks));
            for (int from = 0; from < ballots.size(); from += size) {
                List<EncryptedBallot> chunk = ballots.subList(from, Math.min(ballots.size(), from + size));
                futures.add(pool.submit(() -> verifyChunk(chunk)));
            }
            List<BallotVerification> outcomes = new ArrayList<>(ballots.size());
            for (Future<ChunkVerification> future : futures) {
                outcomes.addAll(future.get().outcomes());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying ballots", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ballot verification failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Checks a group of ballots with one batch equation (when it fails, halves are re-checked in batches down to
     * {@link #SINGLE_BELOW} ballots, which are then checked one by one) and returns each ballot's outcome and, for
     * the valid ones, its decoded ciphertexts. Runs on the calling thread.
     */
    public ChunkVerification verifyChunk(List<EncryptedBallot> ballots) {
        return verifyChunk(ballots, null);
    }

    /**
     * As {@link #verifyChunk(List)}, with the ballots' tracking codes when the caller has already computed them
     * (e.g. to check a board's hash chain); a null list or element is computed here.
     */
    public ChunkVerification verifyChunk(List<EncryptedBallot> ballots, List<String> trackingCodes) {
        BatchCheck batch = new BatchCheck();
        DecodedBallot[] decoded = new DecodedBallot[ballots.size()];
        BallotVerification[] outcomes = new BallotVerification[ballots.size()];
        int[] added = new int[ballots.size()];
        int count = 0;
        for (int i = 0; i < ballots.size(); i++) {
            EncryptedBallot ballot = ballots.get(i);
            try {
                String known = trackingCodes == null ? null : trackingCodes.get(i);
                String trackingCode = known != null ? known : ballot.trackingCode();
                decoded[i] = addTo(batch, ballot);
                outcomes[i] = BallotVerification.valid(trackingCode);
                added[count++] = i;
            } catch (RuntimeException e) {
                outcomes[i] = BallotVerification.invalid(safeTrackingCode(ballot), reason(e));
            }
        }
        if (!batch.holds()) {
            recheck(ballots, Arrays.copyOf(added, count), decoded, outcomes);
        }
        return new ChunkVerification(Arrays.asList(outcomes), Arrays.asList(decoded));
    }

    /** Finds the invalid ballots among {@code indices}, whose batch failed: halves in fresh batches, then singly. */
    private void recheck(List<EncryptedBallot> ballots, int[] indices, DecodedBallot[] decoded,
                         BallotVerification[] outcomes) {
        if (indices.length < SINGLE_BELOW) {
            for (int i : indices) {
                BallotVerification alone = verify(ballots.get(i));
                outcomes[i] = alone;
                if (!alone.valid()) {
                    decoded[i] = null;
                }
            }
            return;
        }
        int half = indices.length / 2;
        for (int[] part : new int[][]{Arrays.copyOfRange(indices, 0, half),
                Arrays.copyOfRange(indices, half, indices.length)}) {
            BatchCheck batch = new BatchCheck();
            for (int i : part) {
                addTo(batch, ballots.get(i));    // these ballots were added once already: same checks, fresh weights
            }
            if (!batch.holds()) {
                recheck(ballots, part, decoded, outcomes);
            }
        }
    }

    /**
     * Checks the ballot's shape and adds its proof equations to {@code batch}; returns its decoded ciphertexts.
     *
     * @throws BallotRejectedException when the ballot is malformed or a challenge does not add up
     */
    public DecodedBallot addTo(BatchCheck batch, EncryptedBallot ballot) {
        try {
            return check(batch, ballot);
        } catch (InvalidEncodingException | NullPointerException e) {
            throw new BallotRejectedException("malformed ballot: " + reason(e));
        }
    }

    private DecodedBallot check(BatchCheck batch, EncryptedBallot ballot) {
        if (!context.manifest().electionId().equals(ballot.electionId())) {
            throw new BallotRejectedException("ballot is for another election");
        }
        if (!context.manifestHash().equals(ballot.manifestHash())) {
            throw new BallotRejectedException("ballot is bound to another manifest");
        }
        Contest contest = context.manifest().contest(ballot.villageCode())
                .orElseThrow(() -> new BallotRejectedException("unknown village " + ballot.villageCode()));
        List<EncryptedSelection> selections = ballot.selections();
        if (selections == null || selections.size() != contest.candidates().size()) {
            throw new BallotRejectedException("ballot must have one selection per candidate");
        }
        boolean blankAllowed = context.manifest().blankVotesAllowed();
        if (blankAllowed ? ballot.atMostOneProof() == null || ballot.exactlyOneProof() != null
                : ballot.exactlyOneProof() == null || ballot.atMostOneProof() != null) {
            throw new BallotRejectedException(blankAllowed ? "ballot needs an at-most-one proof only"
                    : "ballot needs an exactly-one proof only");
        }
        ECPoint key = context.keyPoint();
        ECPoint[] alphas = new ECPoint[selections.size()];
        ECPoint[] betas = new ECPoint[selections.size()];
        List<byte[]> componentBytes = new ArrayList<>(2 * selections.size());
        for (int i = 0; i < selections.size(); i++) {
            EncryptedSelection selection = selections.get(i);
            String expected = contest.candidates().get(i).candidateId();
            if (!expected.equals(selection.candidateId())) {
                throw new BallotRejectedException("selection " + (i + 1) + " must be for candidate " + expected);
            }
            byte[] alphaBytes = Group.rawBytes(selection.ciphertext().alpha());
            byte[] betaBytes = Group.rawBytes(selection.ciphertext().beta());
            componentBytes.add(alphaBytes);
            componentBytes.add(betaBytes);
            alphas[i] = Group.decodePoint(alphaBytes);
            betas[i] = Group.decodePoint(betaBytes);
            Transcript transcript = selectionTranscript(context, ballot.villageCode(), expected, alphaBytes,
                    betaBytes);
            if (!Proofs.checkZeroOrOne(batch, transcript, key, new ECPoint[]{alphas[i]}, new ECPoint[]{betas[i]},
                    selection.proof())) {
                throw new BallotRejectedException("selection proof for " + expected + " has wrong challenges");
            }
        }
        if (blankAllowed) {
            Transcript transcript = contestTranscript(context, Proofs.AT_MOST_ONE_DOMAIN, ballot.villageCode(),
                    componentBytes);
            if (!Proofs.checkZeroOrOne(batch, transcript, key, alphas, betas, ballot.atMostOneProof())) {
                throw new BallotRejectedException("contest proof has wrong challenges");
            }
        } else {
            Transcript transcript = contestTranscript(context, Proofs.EXACTLY_ONE_DOMAIN, ballot.villageCode(),
                    componentBytes);
            Proofs.checkOne(batch, transcript, key, alphas, betas, ballot.exactlyOneProof());
        }
        return new DecodedBallot(ballot.villageCode(), alphas, betas);
    }

    static Transcript selectionTranscript(BallotContext context, String villageCode, String candidateId,
                                          byte[] alpha, byte[] beta) {
        return Transcript.of(Proofs.SELECTION_DOMAIN).bytes(context.baseHashShared()).string(villageCode)
                .string(candidateId).bytes(alpha).bytes(beta);
    }

    static Transcript contestTranscript(BallotContext context, String domain, String villageCode,
                                        List<byte[]> components) {
        Transcript transcript = Transcript.of(domain).bytes(context.baseHashShared()).string(villageCode)
                .number(components.size());
        components.forEach(transcript::bytes);
        return transcript;
    }

    private static String safeTrackingCode(EncryptedBallot ballot) {
        try {
            return ballot.trackingCode();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
