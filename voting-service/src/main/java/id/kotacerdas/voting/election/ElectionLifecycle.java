package id.kotacerdas.voting.election;

import id.kotacerdas.contracts.election.PollingOpened;
import id.kotacerdas.support.problem.ConflictException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** Setup and the administrator's lifecycle steps; the ceremony and the tally drive READY and TALLIED. */
@Service
public class ElectionLifecycle {

    private final Elections elections;
    private final MongoTemplate mongo;
    private final Clock clock;

    public ElectionLifecycle(Elections elections, MongoTemplate mongo, Clock clock) {
        this.elections = elections;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Election create(ElectionSetup setup) {
        Election election = new Election(UUID.randomUUID().toString(), setup.validated(), clock.instant());
        elections.create(election);
        return election;
    }

    public Election replaceSetup(String id, ElectionSetup setup) {
        setup.validated();
        return elections.change(id, election -> {
            election.replaceSetup(setup);
            return election;
        });
    }

    public Election startKeyCeremony(String id) {
        return elections.change(id, election -> {
            election.moveTo(ElectionState.KEY_CEREMONY, clock.instant());
            return election;
        });
    }

    public Election open(String id) {
        return elections.change(id, election -> {
            election.require(ElectionState.READY);
            if (!mongo.exists(Query.query(Criteria.where("electionId").is(id)), "voters")) {
                throw new ConflictException("The voter roll (DPT) is empty: import it before opening the polls");
            }
            election.moveTo(ElectionState.OPEN, clock.instant());
            election.record(new PollingOpened(id, clock.instant()));
            return election;
        });
    }
}
