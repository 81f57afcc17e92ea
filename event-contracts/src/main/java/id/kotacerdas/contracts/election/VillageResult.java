package id.kotacerdas.contracts.election;

import java.util.List;

/** One village's contest in the published recap (rekapitulasi). */
public record VillageResult(String villageCode, String villageName, List<CandidateVotes> votes, long blankVotes,
                            long ballotsCounted) {
}
