package id.kotacerdas.election.crypto.manifest;

/** A candidate in one village's contest; {@code photoSha256} (lowercase hex, may be null) binds the photo shown. */
public record Candidate(String candidateId, int ballotNumber, String name, String photoSha256) {
}
