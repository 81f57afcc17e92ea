package id.kotacerdas.voting.election;

import java.util.List;
import java.util.Optional;

/** One village (desa) with its own contest: its polling stations and its candidates for village head. */
public record Village(String code, String name, List<Tps> pollingStations, List<Candidate> candidates) {

    public Optional<Tps> tps(String tpsId) {
        return pollingStations.stream().filter(t -> t.id().equals(tpsId)).findFirst();
    }
}
