package id.kotacerdas.voting.ceremony;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class KeyCeremonyController {

    private final KeyCeremony ceremony;

    KeyCeremonyController(KeyCeremony ceremony) {
        this.ceremony = ceremony;
    }

    @Operation(summary = "Publish a guardian's public key with its proof of knowledge (guardian); the last key makes "
            + "the election READY")
    @PutMapping("/elections/{electionId}/guardians/{guardianId}/public-key")
    @ResponseStatus(HttpStatus.CREATED)
    GuardianPublicKey publish(@PathVariable String electionId, @PathVariable String guardianId,
                              @RequestBody GuardianPublicKey key, Caller caller) {
        caller.requireAny(Role.GUARDIAN);
        return ceremony.publish(electionId, guardianId, key, caller).toKey();
    }

    @Operation(summary = "The guardians' published public keys and proofs (public)")
    @GetMapping("/elections/{electionId}/guardians/public-keys")
    List<GuardianPublicKey> keys(@PathVariable String electionId) {
        return ceremony.publicKeys(electionId);
    }
}
