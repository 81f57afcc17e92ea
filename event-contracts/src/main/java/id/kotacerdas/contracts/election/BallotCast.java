package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

/**
 * One encrypted ballot appended to an election's public bulletin board. {@code trackingCode} is the SHA-256 of
 * the ballot's canonical bytes; entries form a hash chain: {@code entryHash} covers {@code previousHash}, the
 * sequence, the TPS and the tracking code, so removing, changing or reordering any entry breaks it.
 * Carries no voter, no token and no time finer than the event's own; {@code encryptedBallot} is the
 * ballot's canonical JSON in the election-crypto record format (ciphertexts and proofs).
 */
public record BallotCast(String electionId, long sequence, String villageCode, String tpsId, String trackingCode,
                         String previousHash, String entryHash, String encryptedBallot)
        implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
