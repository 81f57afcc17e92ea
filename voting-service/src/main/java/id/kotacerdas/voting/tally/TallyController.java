package id.kotacerdas.voting.tally;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.ElectionView;
import id.kotacerdas.voting.election.Elections;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

import java.util.List;

@RestController
class TallyController {

    private final Tallying tallying;
    private final Elections elections;

    TallyController(Tallying tallying, Elections elections) {
        this.tallying = tallying;
        this.elections = elections;
    }

    record TallyView(String electionId, long ballotsCounted, List<AggregateCiphertext> aggregates) {
    }

    record ResultsView(String electionId, ElectionState state, String manifestHash, Recap recap,
                       List<AggregateResult> perTps) {
    }

    @Operation(summary = "OPEN → CLOSED: polling ends and the board is summed homomorphically (election-admin)")
    @PostMapping("/elections/{electionId}/close")
    TallyView close(@PathVariable String electionId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        TallyRecord tally = tallying.close(electionId);
        return new TallyView(electionId, tally.ballotsCounted(), tally.aggregates());
    }

    @Operation(summary = "The encrypted aggregates per candidate per TPS and village, for the guardians to decrypt "
            + "(public once the polls closed)")
    @GetMapping("/elections/{electionId}/tally/aggregates")
    TallyView aggregates(@PathVariable String electionId) {
        TallyRecord tally = tallying.tally(electionId);
        return new TallyView(electionId, tally.ballotsCounted(), tally.aggregates());
    }

    @Operation(summary = "Submit a guardian's partial decryption of every aggregate with proofs (guardian); the last "
            + "one decrypts the tally (TALLIED)")
    @PostMapping(path = "/elections/{electionId}/tally/decryptions/{guardianId}", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ElectionView decrypt(@PathVariable String electionId, @PathVariable String guardianId, @RequestBody byte[] body,
                         Caller caller) {
        caller.requireAny(Role.GUARDIAN);
        GuardianDecryption decryption;
        try {
            decryption = RecordJson.MAPPER.readValue(body, GuardianDecryption.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("shares", "is not a well-formed partial decryption: " + e.getOriginalMessage());
        }
        tallying.submitDecryption(electionId, guardianId, decryption, caller);
        return ElectionView.of(elections.get(electionId));
    }

    @Operation(summary = "TALLIED → PUBLISHED: the results and the election record become public (election-admin)")
    @PostMapping("/elections/{electionId}/publish")
    ElectionView publish(@PathVariable String electionId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return ElectionView.of(tallying.publish(electionId));
    }

    @Operation(summary = "Results per TPS and the recap across villages: public once PUBLISHED, for election-admin "
            + "and auditor from TALLIED; never while polling is open")
    @GetMapping("/elections/{electionId}/results")
    ResultsView results(@PathVariable String electionId, Caller caller) {
        Election election = elections.get(electionId);
        boolean official = caller.has(Role.ELECTION_ADMIN) || caller.has(Role.AUDITOR);
        boolean visible = election.state() == ElectionState.PUBLISHED
                || (official && election.state() == ElectionState.TALLIED);
        if (!visible) {
            throw new ConflictException("Results of election " + electionId + " are not public while it is "
                    + election.state());
        }
        TallyRecord tally = tallying.tally(electionId);
        return new ResultsView(electionId, election.state(), election.manifestHash(), tally.recap(),
                tally.results().stream().filter(r -> r.tpsId() != null).toList());
    }
}
