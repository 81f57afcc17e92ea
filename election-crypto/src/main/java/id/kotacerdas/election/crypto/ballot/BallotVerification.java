package id.kotacerdas.election.crypto.ballot;

/** Outcome of checking one ballot; {@code reason} is null when valid. */
public record BallotVerification(boolean valid, String trackingCode, String reason) {

    public static BallotVerification valid(String trackingCode) {
        return new BallotVerification(true, trackingCode, null);
    }

    public static BallotVerification invalid(String trackingCode, String reason) {
        return new BallotVerification(false, trackingCode, reason);
    }
}
