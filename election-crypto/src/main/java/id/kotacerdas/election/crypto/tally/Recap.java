package id.kotacerdas.election.crypto.tally;

import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rekapitulasi across villages, derived from the village totals of the decrypted tally. */
public record Recap(String electionId, List<VillageResult> villages, long totalBallots) {

    public static Recap of(ElectionManifest manifest, List<AggregateResult> results) {
        Map<String, AggregateResult> byId = results.stream()
                .collect(Collectors.toMap(AggregateResult::aggregateId, Function.identity(), (a, b) -> a));
        List<VillageResult> villages = new ArrayList<>();
        long total = 0;
        for (Contest contest : manifest.contests()) {
            List<CandidateVotes> votes = new ArrayList<>();
            long ballots = 0;
            long counted = 0;
            long best = -1;
            for (Candidate candidate : contest.candidates()) {
                AggregateResult result = byId.get(
                        AggregateCiphertext.id(contest.villageCode(), null, candidate.candidateId()));
                if (result == null) {
                    throw new IllegalArgumentException("no village total for " + candidate.candidateId());
                }
                ballots = result.ballots();
                counted += result.votes();
                best = Math.max(best, result.votes());
                votes.add(new CandidateVotes(candidate.candidateId(), candidate.ballotNumber(), candidate.name(),
                        result.votes()));
            }
            long top = best;
            List<String> winners = top <= 0 ? List.of()
                    : votes.stream().filter(v -> v.votes() == top).map(CandidateVotes::candidateId).toList();
            villages.add(new VillageResult(contest.villageCode(), contest.villageName(), ballots, ballots - counted,
                    votes, winners));
            total += ballots;
        }
        return new Recap(manifest.electionId(), villages, total);
    }
}
