package id.kotacerdas.voting.board;

import id.kotacerdas.election.crypto.ballot.BallotVerification;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.ProblemException;
import id.kotacerdas.voting.checkin.BallotToken;
import id.kotacerdas.voting.checkin.Tokens;
import id.kotacerdas.voting.election.ElectionContexts;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Casting: the token is the authority. The ballot's proofs are checked before anything changes, so an
 * invalid ballot leaves the token usable; then the token is consumed atomically and the ballot appended to
 * the board. If the append fails, the token is given back.
 */
@Service
public class CastBallots {

    private final MongoTemplate mongo;
    private final Elections elections;
    private final ElectionContexts contexts;
    private final Board board;
    private final Timer verification;

    public CastBallots(MongoTemplate mongo, Elections elections, ElectionContexts contexts, Board board,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.elections = elections;
        this.contexts = contexts;
        this.board = board;
        this.verification = Timer.builder("voting.ballot.verification").description("Proof checks of cast ballots")
                .register(meters);
    }

    public record Receipt(String electionId, String trackingCode, long sequence, String previousHash, String entryHash,
                          String villageCode, String tpsId) {
    }

    public Receipt cast(String electionId, String token, EncryptedBallot ballot) {
        if (token == null || token.isBlank()) {
            throw new InvalidInputException("token", "is required");
        }
        if (ballot == null || ballot.selections() == null) {
            throw new InvalidInputException("ballot", "is required");
        }
        ElectionState state = elections.stateOf(electionId);
        if (state != ElectionState.OPEN) {
            throw new ConflictException("Election " + electionId + " is " + state + "; ballots are cast while OPEN");
        }
        String tokenHash = Tokens.hash(token);
        BallotToken issued = mongo.findById(tokenHash, BallotToken.class);
        if (issued == null || !issued.electionId().equals(electionId)) {
            throw new ForbiddenException("This is not a ballot token of election " + electionId);
        }
        if (issued.state() == BallotToken.State.USED) {
            throw new ConflictException("This ballot token has already been used");
        }
        if (!issued.villageCode().equals(ballot.villageCode())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong ballot",
                    "This token opens the ballot of village " + issued.villageCode(),
                    List.of(new FieldProblem("ballot.villageCode", "must be " + issued.villageCode())));
        }
        ElectionContexts.Prepared prepared = contexts.of(electionId);
        BallotVerification verdict = verification.record(() -> prepared.verifier().verify(ballot));
        if (!verdict.valid()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ballot",
                    "The ballot was rejected: " + verdict.reason() + ". The token was not used.",
                    List.of(new FieldProblem("ballot", verdict.reason())));
        }
        if (board.byTrackingCode(electionId, verdict.trackingCode()).isPresent()) {
            throw new ConflictException("This ballot is already on the board");
        }
        consume(tokenHash);
        try {
            BoardRecord entry = board.append(electionId, prepared.context().manifestHash(), issued.tpsId(), ballot,
                    () -> elections.stateOf(electionId) == ElectionState.OPEN);
            return new Receipt(electionId, entry.trackingCode(), entry.sequence(), entry.previousHash(),
                    entry.entryHash(), entry.villageCode(), entry.tpsId());
        } catch (RuntimeException e) {
            giveBack(tokenHash);
            throw e;
        }
    }

    /**
     * Marks the token used and looks at what it was before, in one atomic step on its key alone (which the
     * store answers from the primary-key index): of two racing casts only one sees it unused.
     */
    private void consume(String tokenHash) {
        BallotToken before = mongo.findAndModify(Query.query(Criteria.where("_id").is(tokenHash)),
                Update.update("state", BallotToken.State.USED), FindAndModifyOptions.options().returnNew(false),
                BallotToken.class);
        if (before == null || before.state() != BallotToken.State.ISSUED) {
            throw new ConflictException("This ballot token has already been used");
        }
    }

    private void giveBack(String tokenHash) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenHash)),
                Update.update("state", BallotToken.State.ISSUED), BallotToken.class);
    }
}
