package id.kotacerdas.election.crypto.tally;

public record CandidateVotes(String candidateId, int ballotNumber, String name, long votes) {
}
