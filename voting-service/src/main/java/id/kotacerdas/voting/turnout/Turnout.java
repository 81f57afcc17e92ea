package id.kotacerdas.voting.turnout;

import id.kotacerdas.voting.election.Election;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Keeps the per-TPS turnout counters; a lost race with another officer's check-in is simply retried. */
@Component
public class Turnout {

    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final Clock clock;

    public Turnout(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void addEligible(Election election, Map<String, Long> votersByTps) {
        votersByTps.forEach((tpsId, voters) -> change(election.id(), election.villageOfTps(tpsId).orElseThrow().code(),
                tpsId, t -> t.addEligible(voters)));
    }

    public void checkedIn(String electionId, String villageCode, String tpsId) {
        change(electionId, villageCode, tpsId, t -> t.checkIn(clock.instant()));
    }

    public List<TpsTurnout> of(String electionId) {
        return mongo.find(Query.query(Criteria.where("electionId").is(electionId)), TpsTurnout.class);
    }

    private void change(String electionId, String villageCode, String tpsId, Consumer<TpsTurnout> change) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TpsTurnout turnout = mongo.findById(TpsTurnout.idOf(electionId, tpsId), TpsTurnout.class);
            if (turnout == null) {
                turnout = new TpsTurnout(electionId, villageCode, tpsId);
            }
            change.accept(turnout);
            try {
                mongo.save(turnout);
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                last = e;
            }
        }
        throw last;
    }
}
