package id.kotacerdas.election.crypto.board;

import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.group.CanonicalDigest;

/**
 * The board's hash chain. genesis = SHA-256("kotacerdas-board-genesis-v1", electionId, manifestHash);
 * entryHash = SHA-256("kotacerdas-board-entry-v1", previousHash, sequence, tpsId, trackingCode), where the tracking
 * code is itself SHA-256 of the canonical ballot bytes, so each link commits to the whole ballot.
 */
public final class BoardChain {

    private BoardChain() {
    }

    public static String genesis(String electionId, String manifestHash) {
        return CanonicalDigest.of("kotacerdas-board-genesis-v1").string(electionId).hex(manifestHash).hex();
    }

    public static String entryHash(String previousHash, long sequence, String tpsId, String trackingCode) {
        return CanonicalDigest.of("kotacerdas-board-entry-v1").hex(previousHash).number(sequence).string(tpsId)
                .hex(trackingCode).hex();
    }

    /** The entry that appends {@code ballot} (cast at {@code tpsId}) after the entry whose hash is given. */
    public static BoardEntry append(String previousHash, long sequence, String tpsId, EncryptedBallot ballot) {
        String trackingCode = ballot.trackingCode();
        return new BoardEntry(sequence, tpsId, trackingCode, previousHash,
                entryHash(previousHash, sequence, tpsId, trackingCode), ballot);
    }
}
