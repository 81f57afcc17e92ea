package id.kotacerdas.voting.board;

import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.board.BoardChain;
import id.kotacerdas.support.problem.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Appends ballots to an election's hash-chained board. Within an instance, appends to one election are
 * serialised and the head is cached; across instances, the store decides: each sequence number can be
 * inserted once, and an instance that loses a position catches up to the real head and tries the next.
 */
@Component
public class Board {

    private final MongoTemplate mongo;
    private final ConcurrentMap<String, Head> heads = new ConcurrentHashMap<>();

    private static final class Head {
        long sequence;
        String hash;
        boolean loaded;
    }

    public Board(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param stillOpen checked under the append lock, so that once {@link #fence} returned, no append of this
     *                  instance can slip in after the polls closed
     * @throws ConflictException when this ballot is already on the board or the polls closed
     */
    public BoardRecord append(String electionId, String manifestHash, String tpsId, EncryptedBallot ballot,
                              BooleanSupplier stillOpen) {
        Head head = heads.computeIfAbsent(electionId, id -> new Head());
        synchronized (head) {
            if (!stillOpen.getAsBoolean()) {
                throw new ConflictException("The polls of election " + electionId + " have closed");
            }
            if (!head.loaded) {
                load(electionId, manifestHash, head);
            }
            while (true) {
                BoardRecord record = new BoardRecord(electionId,
                        BoardChain.append(head.hash, head.sequence + 1, tpsId, ballot));
                try {
                    mongo.insert(record);
                    head.sequence = record.sequence();
                    head.hash = record.entryHash();
                    return record;
                } catch (DuplicateKeyException e) {
                    if (byTrackingCode(electionId, record.trackingCode()).isPresent()) {
                        throw new ConflictException("This ballot is already on the board");
                    }
                    catchUp(electionId, head);
                }
            }
        }
    }

    /** Waits for an append in progress on this instance to finish; later ones see the new state. */
    public void fence(String electionId) {
        Head head = heads.computeIfAbsent(electionId, id -> new Head());
        synchronized (head) {
            head.loaded = false;
        }
    }

    private void load(String electionId, String manifestHash, Head head) {
        Query last = Query.query(Criteria.where("electionId").is(electionId))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        BoardRecord latest = mongo.findOne(last, BoardRecord.class);
        head.sequence = latest == null ? 0 : latest.sequence();
        head.hash = latest == null ? BoardChain.genesis(electionId, manifestHash) : latest.entryHash();
        head.loaded = true;
        catchUp(electionId, head);
    }

    /** Another instance appended: follow the chain by key to its real end. */
    private void catchUp(String electionId, Head head) {
        BoardRecord next;
        while ((next = mongo.findById(BoardRecord.idOf(electionId, head.sequence + 1), BoardRecord.class)) != null) {
            head.sequence = next.sequence();
            head.hash = next.entryHash();
        }
    }

    public Optional<BoardRecord> byTrackingCode(String electionId, String trackingCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("electionId").is(electionId)
                .and("trackingCode").is(trackingCode)), BoardRecord.class));
    }

    public long count(String electionId) {
        return mongo.count(Query.query(Criteria.where("electionId").is(electionId)), BoardRecord.class);
    }

    /** The whole board in chain order; close the stream. */
    public Stream<BoardRecord> stream(String electionId) {
        return mongo.stream(Query.query(Criteria.where("electionId").is(electionId)).with(Sort.by("sequence")),
                BoardRecord.class);
    }

    public java.util.List<BoardRecord> page(String electionId, long afterSequence, int limit) {
        return mongo.find(Query.query(Criteria.where("electionId").is(electionId).and("sequence").gt(afterSequence))
                .with(Sort.by("sequence")).limit(limit), BoardRecord.class);
    }
}
