package id.kotacerdas.voting.election;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class ElectionController {

    private final ElectionLifecycle lifecycle;
    private final Elections elections;
    private final ElectionContexts contexts;

    ElectionController(ElectionLifecycle lifecycle, Elections elections, ElectionContexts contexts) {
        this.lifecycle = lifecycle;
        this.elections = elections;
        this.contexts = contexts;
    }

    @Operation(summary = "Set up an election in DRAFT (election-admin)")
    @PostMapping("/elections")
    @ResponseStatus(HttpStatus.CREATED)
    ElectionView create(@RequestBody ElectionSetup setup, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return ElectionView.of(lifecycle.create(setup));
    }

    @Operation(summary = "Replace the setup of an election still in DRAFT (election-admin)")
    @PutMapping("/elections/{electionId}")
    ElectionView replace(@PathVariable String electionId, @RequestBody ElectionSetup setup, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return ElectionView.of(lifecycle.replaceSetup(electionId, setup));
    }

    @Operation(summary = "All elections (public)")
    @GetMapping("/elections")
    List<ElectionView> all() {
        return elections.all().stream().map(ElectionView::of).toList();
    }

    @Operation(summary = "One election: setup, state, manifest hash and election key once frozen (public)")
    @GetMapping("/elections/{electionId}")
    ElectionView one(@PathVariable String electionId) {
        return ElectionView.of(elections.get(electionId));
    }

    @Operation(summary = "The frozen manifest, its hash and the election key: what a booth needs to encrypt ballots "
            + "(public from READY; election-crypto record format)")
    @GetMapping(path = "/elections/{electionId}/manifest", produces = "application/json")
    String manifest(@PathVariable String electionId) {
        var context = contexts.of(electionId).context();
        return RecordJson.MAPPER.writeValueAsString(new FrozenManifest(context.manifest(), context.manifestHash(),
                context.electionKey()));
    }

    record FrozenManifest(ElectionManifest manifest, String manifestHash, String electionKey) {
    }

    @Operation(summary = "DRAFT → KEY_CEREMONY: the setup is fixed and guardians may publish their keys (election-admin)")
    @PostMapping("/elections/{electionId}/key-ceremony")
    ElectionView startKeyCeremony(@PathVariable String electionId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return ElectionView.of(lifecycle.startKeyCeremony(electionId));
    }

    @Operation(summary = "READY → OPEN: polling starts (election-admin)")
    @PostMapping("/elections/{electionId}/open")
    ElectionView open(@PathVariable String electionId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return ElectionView.of(lifecycle.open(electionId));
    }
}
