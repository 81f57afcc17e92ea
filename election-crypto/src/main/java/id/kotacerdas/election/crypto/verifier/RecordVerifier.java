package id.kotacerdas.election.crypto.verifier;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotVerification;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.election.crypto.ballot.ChunkVerification;
import id.kotacerdas.election.crypto.ballot.DecodedBallot;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.board.BoardChain;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.guardian.ElectionKey;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.ElectionRecordReader;
import id.kotacerdas.election.crypto.record.ElectionRecordWriter;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Re-checks a whole election record independently of the server: manifest hash, guardian key proofs and the election
 * key, every ballot proof (in parallel), the board's hash chain, the given tracking codes, the aggregates
 * (recomputed from the board), every partial decryption proof, the results (recombined and decrypted) and the recap.
 */
public final class RecordVerifier {

    private final int threads;
    private final Consumer<Check> listener;

    public RecordVerifier(int threads, Consumer<Check> listener) {
        this.threads = Math.max(1, threads);
        this.listener = listener;
    }

    public RecordVerifier() {
        this(Runtime.getRuntime().availableProcessors(), check -> {
        });
    }

    public VerificationReport verify(Path record, List<String> trackingCodes) {
        List<Check> checks = new ArrayList<>();
        Consumer<Check> report = check -> {
            checks.add(check);
            listener.accept(check);
        };
        try (ElectionRecordReader reader = new ElectionRecordReader(record)) {
            run(reader, trackingCodes, report);
        } catch (RuntimeException e) {
            report.accept(Check.fail("record is readable", e.getMessage()));
        }
        return new VerificationReport(checks);
    }

    private void run(ElectionRecordReader reader, List<String> trackingCodes, Consumer<Check> report) {
        String format = reader.format();
        report.accept(ElectionRecordWriter.FORMAT.equals(format)
                ? Check.pass("record format", format) : Check.fail("record format", "unknown format " + format));

        ElectionManifest manifest = reader.manifest();
        String manifestHash = manifest.hash();
        report.accept(manifestHash.equals(reader.manifestHash())
                ? Check.pass("manifest hash", manifestHash)
                : Check.fail("manifest hash", "published " + reader.manifestHash() + ", recomputed " + manifestHash));

        List<GuardianPublicKey> guardians = reader.guardians();
        String electionKey = reader.electionKey();
        report.accept(guardianCheck(manifest, guardians, electionKey));

        BallotContext context = new BallotContext(manifest, electionKey);
        BoardOutcome board = checkBoard(reader.board(), context);
        report.accept(board.chain);
        report.accept(board.ballots);
        for (String code : trackingCodes) {
            String name = "tracking code " + code + " is on the board";
            report.accept(board.trackingCodes.containsKey(code)
                    ? Check.pass(name, "entry " + board.trackingCodes.get(code))
                    : Check.fail(name, "not found"));
        }

        List<AggregateCiphertext> aggregates = reader.aggregates();
        List<AggregateCiphertext> recomputed = board.tally.aggregates();
        report.accept(aggregates.equals(recomputed)
                ? Check.pass("aggregates", aggregates.size() + " aggregates match the board")
                : Check.fail("aggregates", firstDifference(aggregates, recomputed)));

        List<GuardianDecryption> decryptions = reader.decryptions();
        List<String> problems = TallyDecryptor.check(context, guardians, aggregates, decryptions);
        report.accept(problems.isEmpty()
                ? Check.pass("partial decryptions", decryptions.size() + " guardians × " + aggregates.size()
                + " proofs verified")
                : Check.fail("partial decryptions", summary(problems)));

        List<AggregateResult> published = reader.results();
        if (problems.isEmpty()) {
            report.accept(resultCheck(context, guardians, aggregates, decryptions, published));
        } else {
            report.accept(Check.fail("results", "cannot be confirmed without valid decryptions"));
        }
        Recap recap = reader.recap();
        Recap expected = Recap.of(manifest, published);
        report.accept(expected.equals(recap)
                ? Check.pass("recap", recap.villages().size() + " villages, " + recap.totalBallots() + " ballots")
                : Check.fail("recap", "does not follow from the results"));
    }

    private static Check guardianCheck(ElectionManifest manifest, List<GuardianPublicKey> guardians,
                                       String electionKey) {
        try {
            String combined = ElectionKey.combine(manifest.electionId(), guardians);
            return combined.equals(electionKey)
                    ? Check.pass("guardian keys", guardians.size() + " key proofs verified; election key = their sum")
                    : Check.fail("guardian keys", "the election key is not the sum of the guardian keys");
        } catch (IllegalArgumentException e) {
            return Check.fail("guardian keys", e.getMessage());
        }
    }

    private static Check resultCheck(BallotContext context, List<GuardianPublicKey> guardians,
                                     List<AggregateCiphertext> aggregates, List<GuardianDecryption> decryptions,
                                     List<AggregateResult> published) {
        try {
            List<AggregateResult> decrypted = TallyDecryptor.decrypt(context, guardians, aggregates, decryptions);
            return decrypted.equals(published)
                    ? Check.pass("results", published.size() + " counts match the decryption")
                    : Check.fail("results", firstDifference(published, decrypted));
        } catch (IllegalArgumentException e) {
            return Check.fail("results", e.getMessage());
        }
    }

    private BoardOutcome checkBoard(Iterator<BoardEntry> entries, BallotContext context) {
        ElectionManifest manifest = context.manifest();
        BallotVerifier verifier = new BallotVerifier(context);
        Map<String, String> villageOfTps = new HashMap<>();
        for (Contest contest : manifest.contests()) {
            contest.tpsIds().forEach(tps -> villageOfTps.put(tps, contest.villageCode()));
        }
        List<TallyAccumulator> accumulators = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<TallyAccumulator> local = ThreadLocal.withInitial(() -> {
            TallyAccumulator accumulator = new TallyAccumulator(manifest);
            accumulators.add(accumulator);
            return accumulator;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 4);
        List<Future<List<String>>> futures = new ArrayList<>();
        Map<String, Long> trackingCodes = new HashMap<>();
        List<String> chainProblems = new ArrayList<>();
        String previous = BoardChain.genesis(manifest.electionId(), context.manifestHash());
        long expectedSequence = 1;
        List<BoardEntry> chunk = new ArrayList<>(BallotVerifier.CHUNK);
        List<String> codes = new ArrayList<>(BallotVerifier.CHUNK);
        try {
            while (entries.hasNext()) {
                BoardEntry entry = entries.next();
                codes.add(checkLink(entry, expectedSequence, previous, villageOfTps, trackingCodes, chainProblems));
                previous = entry.entryHash();
                expectedSequence++;
                chunk.add(entry);
                if (chunk.size() == BallotVerifier.CHUNK) {
                    futures.add(submit(pool, inFlight, verifier, chunk, codes, local));
                    chunk = new ArrayList<>(BallotVerifier.CHUNK);
                    codes = new ArrayList<>(BallotVerifier.CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                futures.add(submit(pool, inFlight, verifier, chunk, codes, local));
            }
            List<String> invalid = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                invalid.addAll(future.get());
            }
            TallyAccumulator tally = new TallyAccumulator(manifest);
            accumulators.forEach(tally::merge);
            long count = expectedSequence - 1;
            Check chain = chainProblems.isEmpty()
                    ? Check.pass("board hash chain", count + " entries linked from genesis to " + previous)
                    : Check.fail("board hash chain", summary(chainProblems));
            Check ballots = invalid.isEmpty()
                    ? Check.pass("ballot proofs", count + " ballots verified on " + threads + " threads")
                    : Check.fail("ballot proofs", invalid.size() + " invalid: " + summary(invalid));
            return new BoardOutcome(chain, ballots, trackingCodes, tally);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks one link of the chain; returns the ballot's tracking code as recomputed, null if malformed. */
    private static String checkLink(BoardEntry entry, long expectedSequence, String previous,
                                    Map<String, String> villageOfTps, Map<String, Long> trackingCodes,
                                    List<String> problems) {
        String where = "entry " + expectedSequence;
        if (entry.sequence() != expectedSequence) {
            problems.add(where + " has sequence " + entry.sequence());
        }
        if (!previous.equals(entry.previousHash())) {
            problems.add(where + " does not link to the previous entry");
        }
        EncryptedBallot ballot = entry.ballot();
        String trackingCode;
        try {
            trackingCode = ballot.trackingCode();
            if (!BoardChain.entryHash(previous, entry.sequence(), entry.tpsId(), trackingCode)
                    .equals(entry.entryHash())) {
                problems.add(where + " has a wrong entry hash");
            }
        } catch (RuntimeException e) {
            problems.add(where + " is malformed: " + e.getMessage());
            return null;
        }
        if (!trackingCode.equals(entry.trackingCode())) {
            problems.add(where + " has a tracking code that is not its ballot's hash");
        }
        if (trackingCodes.putIfAbsent(trackingCode, entry.sequence()) != null) {
            problems.add(where + " repeats the ballot of entry " + trackingCodes.get(trackingCode));
        }
        if (!java.util.Objects.equals(ballot.villageCode(), villageOfTps.get(entry.tpsId()))) {
            problems.add(where + " was cast at TPS " + entry.tpsId() + ", which does not vote in "
                    + ballot.villageCode());
        }
        return trackingCode;
    }

    private static Future<List<String>> submit(ExecutorService pool, Semaphore inFlight, BallotVerifier verifier,
                                               List<BoardEntry> chunk, List<String> codes,
                                               ThreadLocal<TallyAccumulator> local)
            throws InterruptedException {
        inFlight.acquire();
        return pool.submit(() -> {
            try {
                // the tracking codes were recomputed from the ballots while checking the chain (entries whose code
                // could not be computed are malformed, and verifyChunk reports why)
                ChunkVerification result = verifier.verifyChunk(chunk.stream().map(BoardEntry::ballot).toList(),
                        codes);
                List<String> invalid = new ArrayList<>();
                TallyAccumulator accumulator = local.get();
                for (int i = 0; i < chunk.size(); i++) {
                    BallotVerification outcome = result.outcomes().get(i);
                    DecodedBallot decoded = result.decoded().get(i);
                    if (!outcome.valid()) {
                        invalid.add("entry " + chunk.get(i).sequence() + " (" + outcome.reason() + ")");
                    } else {
                        try {
                            accumulator.add(chunk.get(i).tpsId(), decoded);
                        } catch (IllegalArgumentException e) {
                            invalid.add("entry " + chunk.get(i).sequence() + " (" + e.getMessage() + ")");
                        }
                    }
                }
                return invalid;
            } finally {
                inFlight.release();
            }
        });
    }

    private static String summary(List<String> problems) {
        int shown = Math.min(5, problems.size());
        String head = String.join("; ", problems.subList(0, shown));
        return problems.size() > shown ? head + "; and " + (problems.size() - shown) + " more" : head;
    }

    private static <T> String firstDifference(List<T> published, List<T> recomputed) {
        if (published.size() != recomputed.size()) {
            return "published " + published.size() + ", recomputed " + recomputed.size();
        }
        for (int i = 0; i < published.size(); i++) {
            if (!published.get(i).equals(recomputed.get(i))) {
                return "item " + (i + 1) + " differs: published " + published.get(i) + ", recomputed "
                        + recomputed.get(i);
            }
        }
        return "differs";
    }

    private record BoardOutcome(Check chain, Check ballots, Map<String, Long> trackingCodes,
                                TallyAccumulator tally) {
    }
}
