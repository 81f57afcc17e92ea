package id.kotacerdas.voting;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives an election through the service the way its users would: the administrator, the guardians with
 * the library's guardian functions on "their own devices", the TPS officers, and the booth library.
 */
public final class ElectionFixture {

    public static final LocalDate BORN = LocalDate.of(1975, 8, 9);

    private final VotingApi api;
    public final String electionId;
    public final List<String> guardianIds;
    public final Map<String, GuardianKeyPair> guardianKeys = new LinkedHashMap<>();
    /** NIKs on the roll per TPS. */
    public final Map<String, List<String>> niks = new LinkedHashMap<>();
    public BallotContext context;

    public ElectionFixture(VotingApi api, String electionId, List<String> guardianIds) {
        this.api = api;
        this.electionId = electionId;
        this.guardianIds = guardianIds;
    }

    /** Imports {@code voters} voters at each TPS; NIK serials start at {@code serialBase}. */
    public ElectionFixture importRoll(Map<String, Integer> votersPerTps, int serialBase) {
        StringJoiner csv = new StringJoiner("\n").add(SampleElection.HEADER);
        int serial = serialBase;
        for (var tps : votersPerTps.entrySet()) {
            String village = tps.getKey().substring(0, tps.getKey().lastIndexOf('-'));
            for (int i = 0; i < tps.getValue(); i++) {
                boolean woman = serial % 2 == 0;
                String nik = SampleElection.nik(3, BORN, woman, serial++);
                niks.computeIfAbsent(tps.getKey(), k -> new ArrayList<>()).add(nik);
                csv.add(SampleElection.line(nik, "Pemilih " + serial, BORN, woman, village, tps.getKey(),
                        "0813" + String.format("%08d", serial)));
            }
        }
        Answer job = api.postCsv("/elections/" + electionId + "/voter-roll/imports", Identity.admin(), csv.toString());
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        return this;
    }

    public ElectionFixture keyCeremony() {
        Answer started = api.post("/elections/" + electionId + "/key-ceremony", Identity.admin(), "");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        for (int i = 0; i < guardianIds.size(); i++) {
            String guardian = guardianIds.get(i);
            GuardianKeyPair pair = GuardianKeyPair.generate(electionId, guardian, i + 1);
            guardianKeys.put(guardian, pair);
            Answer published = api.put("/elections/" + electionId + "/guardians/" + guardian + "/public-key",
                    Identity.guardian(guardian), RecordJson.MAPPER.readTree(RecordJson.MAPPER.writeValueAsString(pair.publicKey())));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
        }
        JsonNode frozen = api.get("/elections/" + electionId + "/manifest").json();
        ElectionManifest manifest = RecordJson.MAPPER.treeToValue(frozen.path("manifest"), ElectionManifest.class);
        context = new BallotContext(manifest, frozen.path("electionKey").asString());
        assertThat(context.manifestHash()).isEqualTo(frozen.path("manifestHash").asString());
        return this;
    }

    public ElectionFixture open() {
        Answer opened = api.post("/elections/" + electionId + "/open", Identity.admin(), "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return this;
    }

    public Answer checkIn(String tpsId, String nik) {
        return api.post("/elections/" + electionId + "/check-ins", Identity.officer(electionId, tpsId),
                Map.of("nik", nik));
    }

    public String tokenFor(String tpsId, String nik) {
        Answer issued = checkIn(tpsId, nik);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("token").asString();
    }

    public EncryptedBallot ballot(String villageCode, Integer ballotNumber) {
        return new BallotEncryptor(context).encrypt(villageCode, ballotNumber == null ? null
                : villageCode + "-" + ballotNumber);
    }

    public Answer cast(String token, EncryptedBallot ballot) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("token", token);
        request.put("ballot", RecordJson.MAPPER.readTree(RecordJson.MAPPER.writeValueAsString(ballot)));
        return api.post("/elections/" + electionId + "/ballots", Identity.ANONYMOUS, request);
    }

    public List<AggregateCiphertext> aggregates() {
        Answer answer = api.get("/elections/" + electionId + "/tally/aggregates");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return RecordJson.MAPPER.convertValue(RecordJson.MAPPER.readTree(answer.body()).path("aggregates"),
                new TypeReference<List<AggregateCiphertext>>() {
                });
    }

    public Answer submitDecryption(String guardian, GuardianDecryption decryption) {
        return api.post("/elections/" + electionId + "/tally/decryptions/" + guardian, Identity.guardian(guardian),
                RecordJson.MAPPER.writeValueAsString(decryption));
    }

    public GuardianDecryption decryptionBy(String guardian) {
        return guardianKeys.get(guardian).secretKey().decrypt(context, aggregates());
    }
}
