package id.kotacerdas.voting.election;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.support.outbox.OutboxAggregate;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.NotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The election aggregate: its setup (the manifest once frozen), its lifecycle and its key material. */
@Document("elections")
public class Election extends OutboxAggregate {

    @Id
    private String id;
    @Version
    private Long version;
    private String jurisdictionId;
    private String name;
    private LocalDate date;
    private LocalTime pollsOpen;
    private LocalTime pollsClose;
    private String timeZone;
    private boolean blankVotesAllowed;
    private List<Village> villages = new ArrayList<>();
    private List<CommitteeMember> committee = new ArrayList<>();
    private List<GuardianSeat> guardians = new ArrayList<>();
    private ElectionState state = ElectionState.DRAFT;
    /** The canonical manifest JSON and its hash, frozen at READY: every ballot proof binds the hash. */
    private String manifestJson;
    private String manifestHash;
    /** The joint election public key, the product of every guardian's key (library format). */
    private String jointPublicKey;
    private Map<ElectionState, Instant> transitions = new EnumMap<>(ElectionState.class);

    protected Election() {
    }

    public Election(String id, ElectionSetup setup, Instant now) {
        this.id = id;
        apply(setup);
        transitions.put(ElectionState.DRAFT, now);
    }

    public void replaceSetup(ElectionSetup setup) {
        require(ElectionState.DRAFT);
        apply(setup);
    }

    private void apply(ElectionSetup setup) {
        this.jurisdictionId = setup.jurisdictionId();
        this.name = setup.name();
        this.date = setup.date();
        this.pollsOpen = setup.pollsOpen();
        this.pollsClose = setup.pollsClose();
        this.timeZone = setup.timeZone();
        this.blankVotesAllowed = setup.blankVotesAllowed();
        this.villages = List.copyOf(setup.villages());
        this.committee = List.copyOf(setup.committee());
        List<GuardianSeat> seats = new ArrayList<>();
        for (int i = 0; i < setup.guardians().size(); i++) {
            var g = setup.guardians().get(i);
            seats.add(new GuardianSeat(g.id(), g.name(), i + 1));
        }
        this.guardians = seats;
    }

    /** @throws ConflictException 409 unless the election is in one of these states */
    public void require(ElectionState... allowed) {
        for (ElectionState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new ConflictException("Election " + id + " is " + state + "; this needs " + describe(allowed));
    }

    private static String describe(ElectionState... states) {
        return states.length == 1 ? states[0].name() : "one of " + List.of(states);
    }

    public void moveTo(ElectionState next, Instant now) {
        ElectionState expected = ElectionState.values()[next.ordinal() - 1];
        require(expected);
        state = next;
        transitions.put(next, now);
    }

    public void freezeManifest(String manifestJson, String manifestHash, String jointPublicKey) {
        this.manifestJson = manifestJson;
        this.manifestHash = manifestHash;
        this.jointPublicKey = jointPublicKey;
    }

    public void record(CityEvent event) {
        raise(event);
    }

    public Village village(String code) {
        return findVillage(code).orElseThrow(() -> new NotFoundException("No village " + code + " in election " + id));
    }

    public Optional<Village> findVillage(String code) {
        return villages.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public Optional<Village> villageOfTps(String tpsId) {
        return villages.stream().filter(v -> v.tps(tpsId).isPresent()).findFirst();
    }

    public Optional<GuardianSeat> guardian(String guardianId) {
        return guardians.stream().filter(g -> g.id().equals(guardianId)).findFirst();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant opensAt() {
        return ZonedDateTime.of(date, pollsOpen, zone()).toInstant();
    }

    public Instant closesAt() {
        return ZonedDateTime.of(date, pollsClose, zone()).toInstant();
    }

    public String id() {
        return id;
    }

    public String jurisdictionId() {
        return jurisdictionId;
    }

    public String name() {
        return name;
    }

    public LocalDate date() {
        return date;
    }

    public LocalTime pollsOpen() {
        return pollsOpen;
    }

    public LocalTime pollsClose() {
        return pollsClose;
    }

    public String timeZone() {
        return timeZone;
    }

    public boolean blankVotesAllowed() {
        return blankVotesAllowed;
    }

    public List<Village> villages() {
        return villages;
    }

    public List<CommitteeMember> committee() {
        return committee;
    }

    public List<GuardianSeat> guardians() {
        return guardians;
    }

    public ElectionState state() {
        return state;
    }

    public String manifestJson() {
        return manifestJson;
    }

    public String manifestHash() {
        return manifestHash;
    }

    public String jointPublicKey() {
        return jointPublicKey;
    }

    public Map<ElectionState, Instant> transitions() {
        return transitions;
    }
}
