package id.kotacerdas.voting.checkin;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A single-use ballot token, stored only as the SHA-256 of the token the voter carries, and never with the
 * voter it was issued to: it says which village's ballot it opens, and whether it was used.
 */
@Document("ballot_tokens")
public record BallotToken(@Id String tokenHash, String electionId, String villageCode, String tpsId, State state) {

    public enum State {
        ISSUED, USED
    }
}
