package id.kotacerdas.voting.election;

/**
 * A candidate for village head. {@code photoSha256} (optional, hex) binds the exact photo shown in the booth
 * into the manifest hash.
 */
public record Candidate(int ballotNumber, String name, String photoUrl, String photoSha256) {

    public String candidateId(String villageCode) {
        return villageCode + "-" + ballotNumber;
    }
}
