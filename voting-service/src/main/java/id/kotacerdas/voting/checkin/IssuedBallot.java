package id.kotacerdas.voting.checkin;

import id.kotacerdas.voting.election.Candidate;

import java.util.List;

/** What the officer hands the voter: the single-use token that opens this village's ballot in the booth. */
public record IssuedBallot(String token, String electionId, String villageCode, String villageName, String tpsId,
                           List<Candidate> candidates) {
}
