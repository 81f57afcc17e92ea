package id.kotacerdas.voting.roll;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
class DptController {

    private final DptImports imports;

    DptController(DptImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import voters from a CSV body (text/csv), streamed; a file with bad lines is rejected whole "
            + "with every bad line listed (election-admin)")
    @PostMapping(path = "/elections/{electionId}/voter-roll/imports", consumes = {"text/csv", "text/plain",
            "application/octet-stream"})
    @ResponseStatus(HttpStatus.CREATED)
    DptImportJob importRoll(@PathVariable String electionId, HttpServletRequest request, Caller caller)
            throws IOException {
        caller.requireAny(Role.ELECTION_ADMIN);
        return imports.run(electionId, request.getInputStream());
    }

    @Operation(summary = "Voter-roll imports of an election with their progress (election-admin)")
    @GetMapping("/elections/{electionId}/voter-roll/imports")
    List<DptImportJob> list(@PathVariable String electionId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return imports.list(electionId);
    }

    @Operation(summary = "One voter-roll import: status, lines read, voters imported, problems (election-admin)")
    @GetMapping("/elections/{electionId}/voter-roll/imports/{jobId}")
    DptImportJob one(@PathVariable String electionId, @PathVariable String jobId, Caller caller) {
        caller.requireAny(Role.ELECTION_ADMIN);
        return imports.get(electionId, jobId);
    }
}
