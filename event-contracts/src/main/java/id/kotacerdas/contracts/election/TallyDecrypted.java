package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;
import java.util.List;

/**
 * The decrypted tally of one village's contest, from the homomorphic aggregate of its ballots and every
 * guardian's partial decryption (the proofs are in the downloadable election record).
 */
public record TallyDecrypted(String electionId, String villageCode, List<CandidateVotes> votes, long blankVotes,
                             long ballotsCounted, Instant decryptedAt) implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
