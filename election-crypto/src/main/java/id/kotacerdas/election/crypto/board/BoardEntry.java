package id.kotacerdas.election.crypto.board;

import id.kotacerdas.election.crypto.ballot.EncryptedBallot;

/**
 * One entry of the public bulletin board. {@code sequence} starts at 1; {@code previousHash} is the previous entry's
 * {@code entryHash} (the genesis hash for the first); see {@link BoardChain}.
 */
public record BoardEntry(long sequence, String tpsId, String trackingCode, String previousHash, String entryHash,
                         EncryptedBallot ballot) {
}
