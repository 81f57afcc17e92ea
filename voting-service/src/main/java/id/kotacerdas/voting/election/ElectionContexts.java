package id.kotacerdas.voting.election;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.support.problem.ConflictException;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The cryptographic context of each election whose manifest is frozen: manifest, election key and a ballot
 * verifier with its precomputed tables. Frozen means immutable, so each instance builds it once and keeps it.
 */
@Component
public class ElectionContexts {

    public record Prepared(Election election, BallotContext context, BallotVerifier verifier) {
    }

    private final Elections elections;
    private final ConcurrentMap<String, Prepared> prepared = new ConcurrentHashMap<>();

    public ElectionContexts(Elections elections) {
        this.elections = elections;
    }

    public Prepared of(String electionId) {
        Prepared known = prepared.get(electionId);
        return known != null ? known : of(elections.get(electionId));
    }

    public Prepared of(Election election) {
        if (election.jointPublicKey() == null) {
            throw new ConflictException("Election " + election.id() + " has no election key yet (state "
                    + election.state() + ")");
        }
        return prepared.computeIfAbsent(election.id(), id -> {
            BallotContext context = new BallotContext(Manifests.of(election), election.jointPublicKey());
            if (!context.manifestHash().equals(election.manifestHash())) {
                throw new IllegalStateException("The stored manifest of election " + id + " no longer matches its hash");
            }
            return new Prepared(election, context, new BallotVerifier(context));
        });
    }
}
