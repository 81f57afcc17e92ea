package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.PilkadesThroughTheGatewayTest.expect;
import static id.kotacerdas.platform.e2e.PilkadesThroughTheGatewayTest.post;
import static id.kotacerdas.platform.e2e.RunningPlatform.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import tools.jackson.databind.JsonNode;

/** An election open for voting at TPS {@code sukamaju-01}, with a roll of numbered voters: what the fault suite casts into. */
final class OpenPilkades {

    private static final String ELECTIONS = "/api/v1/elections";
    private static final LocalDate BORN = LocalDate.of(1980, 3, 4);

    final String electionId;
    private final String officerKey;
    private final BallotContext context;
    private final List<String> niks;

    private OpenPilkades(String electionId, String officerKey, BallotContext context, List<String> niks) {
        this.electionId = electionId;
        this.officerKey = officerKey;
        this.context = context;
        this.niks = niks;
    }

    static OpenPilkades open(RunningPlatform platform, int voters) throws Exception {
        String admin = platform.key("DEMO_ELECTION_ADMIN_KEY");
        String guardianKey = PilkadesThroughTheGatewayTest.register(Map.of("name", "wali-beban-" + System.nanoTime(),
                "roles", List.of("guardian"))).path("apiKey").asString();
        String electionId = PilkadesThroughTheGatewayTest.create(admin, List.of("wali-beban"));
        String officerKey = PilkadesThroughTheGatewayTest.register(Map.of("name", "kpps-beban-" + System.nanoTime(),
                "roles", List.of("tps-officer"), "electionId", electionId, "tpsId", "sukamaju-01")).path("apiKey").asString();
        List<String> niks = new ArrayList<>();
        StringJoiner csv = new StringJoiner("\n").add("nik,nama,tanggal_lahir,jenis_kelamin,desa,tps,telepon");
        for (int serial = 1; serial <= voters; serial++) {
            String nik = String.format("160703%02d%02d%02d%04d", BORN.getDayOfMonth(), BORN.getMonthValue(), BORN.getYear() % 100, serial);
            niks.add(nik);
            csv.add(String.join(",", nik, "\"Pemilih Beban " + serial + "\"", BORN.toString(), "L", "sukamaju", "sukamaju-01", ""));
        }
        expect(platform.send("POST", ELECTIONS + "/" + electionId + "/voter-roll/imports", admin, "text/csv", csv.toString(), Map.of()), 201);
        expect(post(ELECTIONS + "/" + electionId + "/key-ceremony", admin, ""), 200);
        GuardianKeyPair pair = GuardianKeyPair.generate(electionId, "wali-beban", 1);
        expect(platform.send("PUT", ELECTIONS + "/" + electionId + "/guardians/wali-beban/public-key", guardianKey,
                "application/json", RecordJson.MAPPER.writeValueAsString(pair.publicKey()), Map.of()), 201);
        JsonNode frozen = json(expect(platform.get(ELECTIONS + "/" + electionId + "/manifest", admin), 200));
        BallotContext context = new BallotContext(
                RecordJson.MAPPER.readValue(frozen.path("manifest").toString(), ElectionManifest.class),
                frozen.path("electionKey").asString());
        expect(post(ELECTIONS + "/" + electionId + "/open", admin, ""), 200);
        return new OpenPilkades(electionId, officerKey, context, niks);
    }

    int voters() {
        return niks.size();
    }

    /** Checks voter {@code i} in and casts a booth-encrypted ballot; the tracking code when it was accepted (201), else null. */
    /** One voter checks in and casts; the tracking code when the ballot was accepted, otherwise which step said what. */
    Cast vote(RunningPlatform platform, int i) throws Exception {
        HttpResponse<String> checkIn = platform.send("POST", ELECTIONS + "/" + electionId + "/check-ins", officerKey,
                "application/json", "{\"nik\":\"" + niks.get(i) + "\"}", Map.of());
        if (checkIn.statusCode() != 201) {
            return Cast.refused("check-in " + checkIn.statusCode());
        }
        String ballot = RecordJson.MAPPER.writeValueAsString(new BallotEncryptor(context).encrypt("sukamaju", "sukamaju-" + (1 + i % 2)));
        HttpResponse<String> cast = platform.send("POST", ELECTIONS + "/" + electionId + "/ballots", null, "application/json",
                "{\"token\":\"" + json(checkIn).path("token").asString() + "\",\"ballot\":" + ballot + "}", Map.of());
        return cast.statusCode() == 201 ? new Cast(json(cast).path("trackingCode").asString(), null)
                : Cast.refused("cast " + cast.statusCode());
    }

    /** @param trackingCode null when not accepted; then {@code refusal} names the step and its status */
    record Cast(String trackingCode, String refusal) {

        static Cast refused(String refusal) {
            return new Cast(null, refusal);
        }
    }

    /** Every tracking code on the public board, in chain order. */
    List<String> board(RunningPlatform platform) throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode item : json(expect(platform.get(ELECTIONS + "/" + electionId + "/board?after=0&limit=5000", null), 200))) {
            codes.add(item.path("trackingCode").asString());
        }
        return codes;
    }
}
