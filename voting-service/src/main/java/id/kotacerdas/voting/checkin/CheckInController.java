package id.kotacerdas.voting.checkin;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInController {

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    record CheckInRequest(String nik) {
    }

    @Operation(summary = "Check a voter in at the officer's TPS (tps-officer) and issue a single-use ballot token")
    @PostMapping("/elections/{electionId}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedBallot checkIn(@PathVariable String electionId, @RequestBody CheckInRequest request, Caller caller) {
        caller.requireAny(Role.TPS_OFFICER);
        return checkIns.checkIn(electionId, request.nik(), caller);
    }
}
