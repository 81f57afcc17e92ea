package id.kotacerdas.voting.tally;

import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.voting.board.Board;
import id.kotacerdas.voting.board.BoardRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Sums the board homomorphically per candidate per TPS and village. The board is read once, in chunks that
 * are decoded and summed on all cores, each into its own accumulator, merged at the end.
 */
@Component
class Aggregation {

    private static final int CHUNK = 1024;

    private final Board board;
    private final int threads;

    Aggregation(Board board, @Value("${kotacerdas.voting.tally-threads:0}") int threads) {
        this.board = board;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    record Aggregated(List<AggregateCiphertext> aggregates, long ballots) {
    }

    Aggregated of(String electionId, ElectionManifest manifest) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<TallyAccumulator>> parts = new ArrayList<>();
        long ballots = 0;
        try (Stream<BoardRecord> entries = board.stream(electionId)) {
            List<BoardRecord> chunk = new ArrayList<>(CHUNK);
            var it = entries.iterator();
            while (it.hasNext()) {
                chunk.add(it.next());
                ballots++;
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    List<BoardRecord> work = chunk;
                    chunk = new ArrayList<>(CHUNK);
                    inFlight.acquireUninterruptibly();
                    parts.add(pool.submit(() -> {
                        try {
                            TallyAccumulator sum = new TallyAccumulator(manifest);
                            work.forEach(r -> sum.add(r.tpsId(), r.encryptedBallot()));
                            return sum;
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
            }
            TallyAccumulator total = new TallyAccumulator(manifest);
            for (Future<TallyAccumulator> part : parts) {
                total.merge(part.get());
            }
            return new Aggregated(total.aggregates(), ballots);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while tallying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Tallying failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
