package id.kotacerdas.election.crypto.manifest;

import java.util.List;

/** One village's village-head contest: candidates in ballot order and the polling stations (TPS) that vote in it. */
public record Contest(String villageCode, String villageName, List<Candidate> candidates, List<String> tpsIds) {

    public Contest {
        candidates = List.copyOf(candidates);
        tpsIds = List.copyOf(tpsIds);
    }

    public int candidateIndex(String candidateId) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).candidateId().equals(candidateId)) {
                return i;
            }
        }
        return -1;
    }
}
