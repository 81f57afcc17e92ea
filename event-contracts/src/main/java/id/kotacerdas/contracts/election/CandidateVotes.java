package id.kotacerdas.contracts.election;

/** Decrypted votes for one candidate of one village's contest. */
public record CandidateVotes(int ballotNumber, String candidateName, long votes) {
}
