package id.kotacerdas.voting.board;

import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

import java.util.List;

@RestController
class BoardController {

    private final CastBallots cast;
    private final Board board;

    BoardController(CastBallots cast, Board board) {
        this.cast = cast;
        this.board = board;
    }

    /** The booth's request: the single-use token and the ballot it encrypted (election-crypto record format). */
    record CastRequest(String token, EncryptedBallot ballot) {
    }

    record BoardItem(long sequence, String villageCode, String tpsId, String trackingCode, String previousHash,
                     String entryHash) {

        static BoardItem of(BoardRecord r) {
            return new BoardItem(r.sequence(), r.villageCode(), r.tpsId(), r.trackingCode(), r.previousHash(),
                    r.entryHash());
        }
    }

    @Operation(summary = "Cast an encrypted ballot with a single-use token (public: the token is the authority); "
            + "returns the tracking code")
    @PostMapping(path = "/elections/{electionId}/ballots", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    CastBallots.Receipt cast(@PathVariable String electionId, @RequestBody byte[] body) {
        CastRequest request;
        try {
            request = RecordJson.MAPPER.readValue(body, CastRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("ballot", "is not a well-formed encrypted ballot: " + e.getOriginalMessage());
        }
        if (request == null) {
            // a literal JSON null is well-formed but carries neither token nor ballot
            throw new InvalidInputException("ballot", "a token and an encrypted ballot are required");
        }
        return cast.cast(electionId, request.token(), request.ballot());
    }

    @Operation(summary = "The public bulletin board, in chain order, a page at a time (public)")
    @GetMapping("/elections/{electionId}/board")
    List<BoardItem> board(@PathVariable String electionId, @RequestParam(defaultValue = "0") long after,
                          @RequestParam(defaultValue = "500") int limit) {
        return board.page(electionId, after, Math.max(1, Math.min(limit, 5000))).stream().map(BoardItem::of).toList();
    }

    @Operation(summary = "Find a ballot on the board by the tracking code on the voter's receipt (public)")
    @GetMapping("/elections/{electionId}/board/{trackingCode}")
    BoardItem byTrackingCode(@PathVariable String electionId, @PathVariable String trackingCode) {
        return board.byTrackingCode(electionId, trackingCode).map(BoardItem::of)
                .orElseThrow(() -> new NotFoundException("No ballot with tracking code " + trackingCode + " on the board"));
    }
}
