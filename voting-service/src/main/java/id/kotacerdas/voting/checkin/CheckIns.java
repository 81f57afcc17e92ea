package id.kotacerdas.voting.checkin;

import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.election.Village;
import id.kotacerdas.voting.privacy.VoterDataProtection;
import id.kotacerdas.voting.roll.Voter;
import id.kotacerdas.voting.turnout.Turnout;
import id.kotacerdas.support.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Checks a voter in at the officer's own TPS and issues the single-use ballot token. The token is stored
 * first (unlinked), then the check-in; if the check-in loses a race with another officer the token is
 * withdrawn, so exactly one of two simultaneous check-ins of one NIK yields a usable token.
 */
@Service
public class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

    private final MongoTemplate mongo;
    private final Elections elections;
    private final VoterDataProtection protection;
    private final Turnout turnout;

    public CheckIns(MongoTemplate mongo, Elections elections, VoterDataProtection protection, Turnout turnout) {
        this.mongo = mongo;
        this.elections = elections;
        this.protection = protection;
        this.turnout = turnout;
    }

    public IssuedBallot checkIn(String electionId, String nik, Caller officer) {
        if (officer.electionId() == null || officer.tpsId() == null || !officer.electionId().equals(electionId)) {
            throw new ForbiddenException("This officer is not assigned to a TPS of election " + electionId);
        }
        if (nik == null || !nik.strip().matches("[0-9]{16}")) {
            throw new InvalidInputException("nik", "must be 16 digits");
        }
        Election election = elections.get(electionId);
        Village village = election.villageOfTps(officer.tpsId())
                .orElseThrow(() -> new ForbiddenException("TPS " + officer.tpsId() + " is not part of election " + electionId));
        election.require(ElectionState.OPEN);
        String nikHash = protection.nikHash(nik.strip());
        Voter voter = mongo.findById(Voter.idOf(electionId, nikHash), Voter.class);
        if (voter == null) {
            throw new NotFoundException("NIK " + Masking.nik(nik.strip()) + " is not on the voter roll of this election");
        }
        if (!voter.tpsId().equals(officer.tpsId())) {
            throw new ForbiddenException("This voter is registered at TPS " + voter.tpsId() + ", not at " + officer.tpsId());
        }
        String token = Tokens.newToken();
        String tokenHash = Tokens.hash(token);
        mongo.insert(new BallotToken(tokenHash, electionId, village.code(), officer.tpsId(), BallotToken.State.ISSUED));
        try {
            mongo.insert(new CheckIn(UUID.randomUUID().toString(), electionId, nikHash, village.code(), officer.tpsId(),
                    officer.clientId()));
        } catch (DuplicateKeyException e) {
            mongo.remove(new BallotToken(tokenHash, electionId, village.code(), officer.tpsId(), BallotToken.State.ISSUED));
            log.info("Refused a second check-in of NIK {} at TPS {}", Masking.nik(nik.strip()), officer.tpsId());
            throw new ConflictException("This voter has already been checked in");
        }
        turnout.checkedIn(electionId, village.code(), officer.tpsId());
        return new IssuedBallot(token, electionId, village.code(), village.name(), officer.tpsId(), village.candidates());
    }
}
