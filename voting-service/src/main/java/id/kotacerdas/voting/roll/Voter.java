package id.kotacerdas.voting.roll;

import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.support.outbox.OutboxAggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the voter roll (DPT). The NIK exists here only as a keyed hash and the name and phone
 * number only encrypted; the id is {@code <electionId>:<nikHash>} so a check-in finds it by key.
 */
@Document("voters")
@CompoundIndex(name = "election_nik", def = "{'electionId': 1, 'nikHash': 1}", unique = true)
public class Voter extends OutboxAggregate {

    @Id
    private String id;
    @Version
    private Long version;
    private String electionId;
    private String nikHash;
    private String nameSealed;
    private String phoneSealed;
    private Sex sex;
    private String villageCode;
    private String tpsId;
    private String importJobId;
    private boolean reminderRequested;

    protected Voter() {
    }

    Voter(String electionId, String nikHash, String nameSealed, String phoneSealed, Sex sex, String villageCode,
          String tpsId, String importJobId) {
        this.id = idOf(electionId, nikHash);
        this.electionId = electionId;
        this.nikHash = nikHash;
        this.nameSealed = nameSealed;
        this.phoneSealed = phoneSealed;
        this.sex = sex;
        this.villageCode = villageCode;
        this.tpsId = tpsId;
        this.importJobId = importJobId;
    }

    public static String idOf(String electionId, String nikHash) {
        return electionId + ":" + nikHash;
    }

    void requestReminder(NotificationRequested request) {
        raise(request);
        reminderRequested = true;
    }

    public String id() {
        return id;
    }

    public String electionId() {
        return electionId;
    }

    public String nameSealed() {
        return nameSealed;
    }

    public String phoneSealed() {
        return phoneSealed;
    }

    public Sex sex() {
        return sex;
    }

    public String villageCode() {
        return villageCode;
    }

    public String tpsId() {
        return tpsId;
    }

    public boolean reminderRequested() {
        return reminderRequested;
    }
}
