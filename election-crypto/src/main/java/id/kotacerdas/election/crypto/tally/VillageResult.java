package id.kotacerdas.election.crypto.tally;

import java.util.List;

/** One village's result: ballots cast, blank ballots, votes per candidate in ballot order, and the winner(s). */
public record VillageResult(String villageCode, String villageName, long ballots, long blank,
                            List<CandidateVotes> candidates, List<String> winnerCandidateIds) {
}
