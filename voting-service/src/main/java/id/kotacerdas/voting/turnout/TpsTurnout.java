package id.kotacerdas.voting.turnout;

import id.kotacerdas.contracts.election.TurnoutUpdated;
import id.kotacerdas.support.outbox.OutboxAggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Voters on the roll and voters checked in at one TPS; each check-in raises {@code TurnoutUpdated}. */
@Document("turnout")
public class TpsTurnout extends OutboxAggregate {

    @Id
    private String id;
    @Version
    private Long version;
    private String electionId;
    private String villageCode;
    private String tpsId;
    private long eligible;
    private long checkedIn;

    protected TpsTurnout() {
    }

    TpsTurnout(String electionId, String villageCode, String tpsId) {
        this.id = idOf(electionId, tpsId);
        this.electionId = electionId;
        this.villageCode = villageCode;
        this.tpsId = tpsId;
    }

    static String idOf(String electionId, String tpsId) {
        return electionId + ":" + tpsId;
    }

    void addEligible(long voters) {
        eligible += voters;
    }

    void checkIn(Instant at) {
        checkedIn++;
        raise(new TurnoutUpdated(electionId, villageCode, tpsId, checkedIn, eligible, at));
    }

    public String villageCode() {
        return villageCode;
    }

    public String tpsId() {
        return tpsId;
    }

    public long eligible() {
        return eligible;
    }

    public long checkedIn() {
        return checkedIn;
    }
}
