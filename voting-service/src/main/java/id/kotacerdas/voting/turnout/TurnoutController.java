package id.kotacerdas.voting.turnout;

import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.election.Tps;
import id.kotacerdas.voting.election.Village;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
class TurnoutController {

    private final Elections elections;
    private final Turnout turnout;

    TurnoutController(Elections elections, Turnout turnout) {
        this.elections = elections;
        this.turnout = turnout;
    }

    record TpsView(String tpsId, String name, long eligible, long checkedIn) {
    }

    record VillageView(String villageCode, String name, long eligible, long checkedIn, List<TpsView> pollingStations) {
    }

    record TurnoutView(String electionId, ElectionState state, long eligible, long checkedIn, List<VillageView> villages) {
    }

    @Operation(summary = "Live turnout (voters checked in / on the roll) per TPS and village (public from opening)")
    @GetMapping("/elections/{electionId}/turnout")
    TurnoutView turnout(@PathVariable String electionId) {
        Election election = elections.get(electionId);
        if (election.state().compareTo(ElectionState.OPEN) < 0) {
            throw new ConflictException("Turnout is public once polling has opened; election is " + election.state());
        }
        Map<String, TpsTurnout> byTps = turnout.of(electionId).stream()
                .collect(Collectors.toMap(TpsTurnout::tpsId, Function.identity()));
        List<VillageView> villages = election.villages().stream().map(v -> village(v, byTps)).toList();
        return new TurnoutView(electionId, election.state(), villages.stream().mapToLong(VillageView::eligible).sum(),
                villages.stream().mapToLong(VillageView::checkedIn).sum(), villages);
    }

    private static VillageView village(Village village, Map<String, TpsTurnout> byTps) {
        List<TpsView> stations = village.pollingStations().stream().map((Tps t) -> {
            TpsTurnout counted = byTps.get(t.id());
            return new TpsView(t.id(), t.name(), counted == null ? 0 : counted.eligible(),
                    counted == null ? 0 : counted.checkedIn());
        }).toList();
        return new VillageView(village.code(), village.name(), stations.stream().mapToLong(TpsView::eligible).sum(),
                stations.stream().mapToLong(TpsView::checkedIn).sum(), stations);
    }
}
