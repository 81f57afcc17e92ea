package id.kotacerdas.voting.record;

import id.kotacerdas.election.crypto.record.ElectionRecordWriter;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.voting.board.Board;
import id.kotacerdas.voting.board.BoardRecord;
import id.kotacerdas.voting.ceremony.KeyCeremony;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionContexts;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.tally.TallyRecord;
import id.kotacerdas.voting.tally.Tallying;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.stream.Stream;

@RestController
class ElectionRecordController {

    private final Elections elections;
    private final ElectionContexts contexts;
    private final KeyCeremony ceremony;
    private final Board board;
    private final Tallying tallying;

    ElectionRecordController(Elections elections, ElectionContexts contexts, KeyCeremony ceremony, Board board,
                             Tallying tallying) {
        this.elections = elections;
        this.contexts = contexts;
        this.ceremony = ceremony;
        this.board = board;
        this.tallying = tallying;
    }

    @Operation(summary = "Download the whole public election record (zip in the election-crypto record format: "
            + "manifest, guardian keys and proofs, board, aggregates, partial decryptions and proofs, results) for the "
            + "verifier CLI (public once PUBLISHED)")
    @GetMapping(path = "/elections/{electionId}/record", produces = "application/zip")
    ResponseEntity<StreamingResponseBody> record(@PathVariable String electionId) {
        Election election = elections.get(electionId);
        if (election.state() != ElectionState.PUBLISHED) {
            throw new ConflictException("The election record is published with the results; election is "
                    + election.state());
        }
        var context = contexts.of(election).context();
        var guardians = ceremony.publicKeys(electionId);
        TallyRecord tally = tallying.tally(electionId);
        var decryptions = tallying.decryptions(electionId);
        StreamingResponseBody body = out -> {
            ElectionRecordWriter writer = new ElectionRecordWriter(out);
            writer.writeManifest(context.manifest(), context.manifestHash());
            writer.writeGuardians(guardians, context.electionKey());
            try (Stream<BoardRecord> entries = board.stream(electionId)) {
                entries.forEach(entry -> writer.writeBoardEntry(entry.toEntry()));
            }
            writer.writeAggregates(tally.aggregates());
            writer.writeDecryptions(decryptions);
            writer.writeResults(tally.results(), tally.recap());
            writer.close();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"election-" + electionId + "-record.zip\"")
                .body(body);
    }
}
