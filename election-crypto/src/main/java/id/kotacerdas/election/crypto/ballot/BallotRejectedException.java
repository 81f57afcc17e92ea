package id.kotacerdas.election.crypto.ballot;

/** A ballot is malformed or does not fit the manifest; the message says why (safe to show: no secret in it). */
public class BallotRejectedException extends RuntimeException {

    public BallotRejectedException(String message) {
        super(message);
    }
}
