package id.kotacerdas.voting.tally;

import id.kotacerdas.contracts.election.CandidateVotes;
import id.kotacerdas.contracts.election.PollingClosed;
import id.kotacerdas.contracts.election.ResultsPublished;
import id.kotacerdas.contracts.election.TallyDecrypted;
import id.kotacerdas.contracts.election.VillageResult;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import id.kotacerdas.support.problem.ProblemException;
import id.kotacerdas.voting.board.Board;
import id.kotacerdas.voting.ceremony.KeyCeremony;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionContexts;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.election.GuardianSeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Closing, tallying, decrypting and publishing. Closing fences the board, sums it homomorphically and
 * stores the aggregates; each guardian then submits a partial decryption with proofs, which is checked
 * on arrival; when every guardian's is in, the counts are decrypted (TALLIED); publishing makes them public.
 */
@Service
public class Tallying {

    private static final Logger log = LoggerFactory.getLogger(Tallying.class);

    private final MongoTemplate mongo;
    private final Elections elections;
    private final ElectionContexts contexts;
    private final Board board;
    private final Aggregation aggregation;
    private final KeyCeremony ceremony;
    private final Clock clock;

    public Tallying(MongoTemplate mongo, Elections elections, ElectionContexts contexts, Board board,
                    Aggregation aggregation, KeyCeremony ceremony, Clock clock) {
        this.mongo = mongo;
        this.elections = elections;
        this.contexts = contexts;
        this.board = board;
        this.aggregation = aggregation;
        this.ceremony = ceremony;
        this.clock = clock;
    }

    /**
     * Closes the polls and sums the board. Also resumes a close that was interrupted after the state change
     * (the election is CLOSED but has no tally yet), so a crash in between never strands an election.
     */
    public TallyRecord close(String electionId) {
        Election current = elections.get(electionId);
        boolean resuming = current.state() == ElectionState.CLOSED
                && mongo.findById(electionId, TallyRecord.class) == null;
        if (!resuming) {
            elections.change(electionId, election -> {
                election.moveTo(ElectionState.CLOSED, clock.instant());
                return null;
            });
        }
        board.fence(electionId);
        Election election = elections.get(electionId);
        Aggregation.Aggregated sums = aggregation.of(electionId, contexts.of(election).context().manifest());
        TallyRecord tally = new TallyRecord(electionId, sums.ballots(), sums.aggregates());
        try {
            mongo.insert(tally);
        } catch (DuplicateKeyException e) {
            return tally(electionId);
        }
        elections.change(electionId, e -> {
            e.record(new PollingClosed(electionId, sums.ballots(), clock.instant()));
            return null;
        });
        log.info("Election {} closed with {} ballots; {} aggregates await the guardians", electionId, sums.ballots(),
                sums.aggregates().size());
        return tally;
    }

    public TallyRecord tally(String electionId) {
        TallyRecord tally = mongo.findById(electionId, TallyRecord.class);
        if (tally == null) {
            throw new ConflictException("Election " + electionId + " has not been closed and tallied yet");
        }
        return tally;
    }

    public void submitDecryption(String electionId, String guardianId, GuardianDecryption decryption, Caller caller) {
        if (caller.electionId() != null && !caller.electionId().equals(electionId)) {
            throw new ForbiddenException("This guardian is bound to another election");
        }
        Election election = elections.get(electionId);
        GuardianSeat seat = election.guardian(guardianId)
                .orElseThrow(() -> new NotFoundException("No guardian " + guardianId + " in election " + electionId));
        election.require(ElectionState.CLOSED);
        if (decryption == null || decryption.shares() == null) {
            throw new InvalidInputException("shares", "a partial decryption of every aggregate is required");
        }
        if (!electionId.equals(decryption.electionId()) || !guardianId.equals(decryption.guardianId())) {
            throw new InvalidInputException(List.of(new FieldProblem("electionId", "must be " + electionId),
                    new FieldProblem("guardianId", "must be " + guardianId)));
        }
        GuardianPublicKey key = ceremony.publicKeys(electionId).stream().filter(k -> k.guardianId().equals(guardianId))
                .findFirst().orElseThrow(() -> new ConflictException("Guardian " + guardianId + " has no published key"));
        TallyRecord tally = tally(electionId);
        List<String> problems = TallyDecryptor.check(contexts.of(election).context(), List.of(key), tally.aggregates(),
                List.of(decryption));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid partial decryption",
                    "The partial decryption was rejected: " + String.join("; ", problems),
                    problems.stream().limit(50).map(p -> new FieldProblem("shares", p)).toList());
        }
        try {
            mongo.insert(DecryptionRecord.of(decryption, seat.sequence()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Guardian " + guardianId + " has already submitted a partial decryption");
        }
        log.info("Guardian {} submitted a valid partial decryption for election {}", guardianId, electionId);
        decryptWhenAllSharesAreIn(electionId);
    }

    public List<GuardianDecryption> decryptions(String electionId) {
        return mongo.find(Query.query(Criteria.where("electionId").is(electionId)).with(Sort.by("sequence")),
                DecryptionRecord.class).stream().map(DecryptionRecord::toDecryption).toList();
    }

    private void decryptWhenAllSharesAreIn(String electionId) {
        elections.change(electionId, election -> {
            List<GuardianDecryption> decryptions = decryptions(electionId);
            if (election.state() != ElectionState.CLOSED || decryptions.size() < election.guardians().size()) {
                return null;
            }
            var context = contexts.of(election).context();
            TallyRecord tally = tally(electionId);
            List<AggregateResult> results = TallyDecryptor.decrypt(context, ceremony.publicKeys(electionId),
                    tally.aggregates(), decryptions);
            Recap recap = Recap.of(context.manifest(), results);
            tally.decrypted(results, recap);
            mongo.save(tally);
            Instant now = clock.instant();
            election.moveTo(ElectionState.TALLIED, now);
            villageResults(recap).forEach(v -> election.record(new TallyDecrypted(electionId, v.villageCode(),
                    v.votes(), v.blankVotes(), v.ballotsCounted(), now)));
            log.info("Election {} is TALLIED: {} ballots decrypted", electionId, recap.totalBallots());
            return null;
        });
    }

    public Election publish(String electionId) {
        return elections.change(electionId, election -> {
            election.require(ElectionState.TALLIED);
            Recap recap = tally(electionId).recap();
            election.moveTo(ElectionState.PUBLISHED, clock.instant());
            election.record(new ResultsPublished(electionId, election.jurisdictionId(), election.name(),
                    election.manifestHash(), villageResults(recap), recap.totalBallots(), clock.instant()));
            return election;
        });
    }

    static List<VillageResult> villageResults(Recap recap) {
        return recap.villages().stream().map(v -> new VillageResult(v.villageCode(), v.villageName(),
                v.candidates().stream().map(c -> new CandidateVotes(c.ballotNumber(), c.name(), c.votes())).toList(),
                v.blank(), v.ballots())).toList();
    }
}
