package id.kotacerdas.voting.board;

import id.kotacerdas.contracts.election.BallotCast;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.support.outbox.OutboxAggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of an election's public bulletin board. The id {@code <electionId>:<sequence>} makes each
 * position of the chain writable once, so concurrent appends (from any instance) cannot fork the chain;
 * the tracking-code index makes a replayed ballot fail.
 */
@Document("board")
@CompoundIndex(name = "election_tracking", def = "{'electionId': 1, 'trackingCode': 1}", unique = true)
public class BoardRecord extends OutboxAggregate {

    @Id
    private String id;
    private String electionId;
    private long sequence;
    private String villageCode;
    private String tpsId;
    private String trackingCode;
    private String previousHash;
    private String entryHash;
    /** The ballot exactly as the record format writes it (ciphertexts and proofs). */
    private String ballot;

    protected BoardRecord() {
    }

    BoardRecord(String electionId, BoardEntry entry) {
        this.id = idOf(electionId, entry.sequence());
        this.electionId = electionId;
        this.sequence = entry.sequence();
        this.villageCode = entry.ballot().villageCode();
        this.tpsId = entry.tpsId();
        this.trackingCode = entry.trackingCode();
        this.previousHash = entry.previousHash();
        this.entryHash = entry.entryHash();
        this.ballot = RecordJson.MAPPER.writeValueAsString(entry.ballot());
        raise(new BallotCast(electionId, sequence, villageCode, tpsId, trackingCode, previousHash, entryHash, ballot));
    }

    static String idOf(String electionId, long sequence) {
        return electionId + ":" + sequence;
    }

    public BoardEntry toEntry() {
        return new BoardEntry(sequence, tpsId, trackingCode, previousHash, entryHash, encryptedBallot());
    }

    public EncryptedBallot encryptedBallot() {
        return RecordJson.MAPPER.readValue(ballot, EncryptedBallot.class);
    }

    public String electionId() {
        return electionId;
    }

    public long sequence() {
        return sequence;
    }

    public String villageCode() {
        return villageCode;
    }

    public String tpsId() {
        return tpsId;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public String previousHash() {
        return previousHash;
    }

    public String entryHash() {
        return entryHash;
    }

    public String ballotJson() {
        return ballot;
    }
}
