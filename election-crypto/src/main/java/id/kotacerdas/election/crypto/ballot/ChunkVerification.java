package id.kotacerdas.election.crypto.ballot;

import java.util.List;

/** Outcomes of {@link BallotVerifier#verifyChunk} in input order; {@code decoded} holds null for invalid ballots. */
public record ChunkVerification(List<BallotVerification> outcomes, List<DecodedBallot> decoded) {
}
