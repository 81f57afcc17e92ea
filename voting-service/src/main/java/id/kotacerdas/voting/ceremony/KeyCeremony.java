package id.kotacerdas.voting.ceremony;

import id.kotacerdas.contracts.election.ElectionScheduled;
import id.kotacerdas.election.crypto.guardian.ElectionKey;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import id.kotacerdas.support.problem.ProblemException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.election.GuardianSeat;
import id.kotacerdas.voting.election.Manifests;
import id.kotacerdas.voting.election.Village;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The key ceremony: each guardian publishes a public key with a proof of knowledge of its secret; when every
 * guardian has, the keys are combined into the election key, the manifest is frozen with its hash, and the
 * election is READY. Every guardian's key is needed to decrypt ("all guardians needed"; k-of-n comes later).
 */
@Service
public class KeyCeremony {

    private static final Logger log = LoggerFactory.getLogger(KeyCeremony.class);

    private final MongoTemplate mongo;
    private final Elections elections;
    private final Clock clock;

    public KeyCeremony(MongoTemplate mongo, Elections elections, Clock clock) {
        this.mongo = mongo;
        this.elections = elections;
        this.clock = clock;
    }

    public GuardianKeyRecord publish(String electionId, String guardianId, GuardianPublicKey key, Caller caller) {
        if (caller.electionId() != null && !caller.electionId().equals(electionId)) {
            throw new ForbiddenException("This guardian is bound to another election");
        }
        Election election = elections.get(electionId);
        GuardianSeat seat = election.guardian(guardianId)
                .orElseThrow(() -> new NotFoundException("No guardian " + guardianId + " in election " + electionId));
        election.require(ElectionState.KEY_CEREMONY);
        List<FieldProblem> problems = new ArrayList<>();
        if (key == null || key.publicKey() == null || key.proof() == null) {
            throw new InvalidInputException("publicKey", "a public key with its proof is required");
        }
        if (!electionId.equals(key.electionId())) {
            problems.add(new FieldProblem("electionId", "must be " + electionId));
        }
        if (!guardianId.equals(key.guardianId())) {
            problems.add(new FieldProblem("guardianId", "must be " + guardianId));
        }
        if (key.sequence() != seat.sequence()) {
            problems.add(new FieldProblem("sequence", "must be " + seat.sequence() + " for this guardian"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!proofVerifies(key)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid proof",
                    "The proof of knowledge of the secret key does not verify",
                    List.of(new FieldProblem("proof", "does not verify for this public key")));
        }
        GuardianKeyRecord record = GuardianKeyRecord.of(key);
        try {
            mongo.insert(record);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Guardian " + guardianId + " has already published a key");
        }
        log.info("Guardian {} published a key for election {}", guardianId, electionId);
        completeWhenAllKeysAreIn(electionId);
        return record;
    }

    /** Combining a single key checks exactly that key's proof of knowledge. */
    private static boolean proofVerifies(GuardianPublicKey key) {
        try {
            ElectionKey.combine(key.electionId(), List.of(key));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public List<GuardianKeyRecord> keys(String electionId) {
        return mongo.find(Query.query(Criteria.where("electionId").is(electionId)).with(Sort.by("sequence")),
                GuardianKeyRecord.class);
    }

    public List<GuardianPublicKey> publicKeys(String electionId) {
        return keys(electionId).stream().map(GuardianKeyRecord::toKey).toList();
    }

    private void completeWhenAllKeysAreIn(String electionId) {
        elections.change(electionId, election -> {
            List<GuardianPublicKey> keys = publicKeys(electionId);
            if (election.state() != ElectionState.KEY_CEREMONY || keys.size() < election.guardians().size()) {
                return null;
            }
            String electionKey = ElectionKey.combine(electionId, keys);
            ElectionManifest manifest = Manifests.of(election);
            election.freezeManifest(RecordJson.MAPPER.writeValueAsString(manifest), manifest.hash(), electionKey);
            election.moveTo(ElectionState.READY, clock.instant());
            election.record(new ElectionScheduled(election.id(), election.jurisdictionId(), election.name(),
                    election.timeZone(), election.opensAt(), election.closesAt(),
                    election.villages().stream().map(Village::code).toList(), manifest.hash(), clock.instant()));
            log.info("Election {} is READY: manifest {} frozen", electionId, manifest.hash());
            return null;
        });
    }
}
