package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.RunningPlatform.JSON;
import static id.kotacerdas.platform.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.verifier.RecordVerifier;
import id.kotacerdas.election.crypto.verifier.VerificationReport;
import tools.jackson.databind.JsonNode;

/**
 * A whole Pilkades with two villages, only through the gateway and with real API keys: the administrator sets it up
 * and imports the DPT, guardians (each an API client of their own) run the key ceremony with the election-crypto
 * guardian functions, TPS officers (bound to their TPS) check voters in, the booth library encrypts the ballots,
 * the guardians decrypt the tally, the results are published and the downloaded record passes the verifier.
 */
@Order(3)
class PilkadesThroughTheGatewayTest {

    private static final String ELECTIONS = "/api/v1/elections";
    private static final LocalDate BORN = LocalDate.of(1975, 8, 9);
    private static RunningPlatform platform;

    @TempDir
    Path records;

    @BeforeAll
    static void platform() throws Exception {
        platform = RunningPlatform.get();
    }

    @Test
    void aPilkadesWithTwoVillagesRunsToPublishedResultsAndItsRecordPassesTheVerifier() throws Exception {
        String admin = platform.key("DEMO_ELECTION_ADMIN_KEY");
        Map<String, String> guardians = new LinkedHashMap<>();
        for (String name : List.of("ketua-bpd", "saksi-calon")) {
            // each guardian works on their own device with their own API key
            JsonNode client = register(Map.of("name", "wali-" + name + "-" + System.nanoTime(), "roles", List.of("guardian")));
            guardians.put(name, client.path("apiKey").asString());
        }

        String electionId = create(admin, new ArrayList<>(guardians.keySet()));
        Map<String, String> officers = new LinkedHashMap<>();
        for (String tps : List.of("sukamaju-01", "mekarsari-01")) {
            officers.put(tps, register(Map.of("name", "kpps-" + tps + "-" + System.nanoTime(), "roles", List.of("tps-officer"),
                    "electionId", electionId, "tpsId", tps)).path("apiKey").asString());
        }

        Map<String, List<String>> niks = new LinkedHashMap<>();
        StringJoiner csv = new StringJoiner("\n").add("nik,nama,tanggal_lahir,jenis_kelamin,desa,tps,telepon");
        int serial = 500;
        for (var tps : Map.of("sukamaju-01", 3, "mekarsari-01", 3).entrySet()) {
            String village = tps.getKey().substring(0, tps.getKey().indexOf('-'));
            for (int i = 0; i < tps.getValue(); i++) {
                boolean woman = serial % 2 == 0;
                String nik = String.format("160703%02d%02d%02d%04d", BORN.getDayOfMonth() + (woman ? 40 : 0), BORN.getMonthValue(),
                        BORN.getYear() % 100, serial++);
                niks.computeIfAbsent(tps.getKey(), k -> new ArrayList<>()).add(nik);
                csv.add(String.join(",", nik, "\"Pemilih Contoh " + serial + "\"", BORN.toString(), woman ? "P" : "L", village,
                        tps.getKey(), ""));
            }
        }
        expect(platform.send("POST", ELECTIONS + "/" + electionId + "/voter-roll/imports", admin, "text/csv", csv.toString(), Map.of()), 201);

        expect(post(ELECTIONS + "/" + electionId + "/key-ceremony", admin, ""), 200);
        Map<String, GuardianKeyPair> keys = new LinkedHashMap<>();
        int sequence = 1;
        for (var guardian : guardians.entrySet()) {
            GuardianKeyPair pair = GuardianKeyPair.generate(electionId, guardian.getKey(), sequence++);
            keys.put(guardian.getKey(), pair);
            expect(platform.send("PUT", ELECTIONS + "/" + electionId + "/guardians/" + guardian.getKey() + "/public-key",
                    guardian.getValue(), "application/json", RecordJson.MAPPER.writeValueAsString(pair.publicKey()), Map.of()), 201);
        }
        // the booth reads the frozen manifest and election key without any key (public from READY)
        JsonNode frozen = json(expect(platform.get(ELECTIONS + "/" + electionId + "/manifest", null), 200));
        BallotContext context = new BallotContext(
                RecordJson.MAPPER.readValue(frozen.path("manifest").toString(), ElectionManifest.class),
                frozen.path("electionKey").asString());
        expect(post(ELECTIONS + "/" + electionId + "/open", admin, ""), 200);

        Map<String, List<Integer>> votes = Map.of("sukamaju-01", List.of(1, 2, 2), "mekarsari-01", List.of(1, 1));
        List<String> trackingCodes = new ArrayList<>();
        for (var tps : votes.entrySet()) {
            String village = tps.getKey().substring(0, tps.getKey().indexOf('-'));
            for (int i = 0; i < tps.getValue().size(); i++) {
                JsonNode checkIn = json(expect(post(ELECTIONS + "/" + electionId + "/check-ins", officers.get(tps.getKey()),
                        "{\"nik\":\"" + niks.get(tps.getKey()).get(i) + "\"}"), 201));
                String ballot = RecordJson.MAPPER.writeValueAsString(
                        new BallotEncryptor(context).encrypt(village, village + "-" + tps.getValue().get(i)));
                JsonNode receipt = json(expect(post(ELECTIONS + "/" + electionId + "/ballots", null,
                        "{\"token\":\"" + checkIn.path("token").asString() + "\",\"ballot\":" + ballot + "}"), 201));
                trackingCodes.add(receipt.path("trackingCode").asString());
            }
        }
        // invalid NIKs are refused as problems and give no token
        for (String nik : List.of("12345", "abcdefghijklmnop", "1607030000000000", "９１７１０１４１０１９０００１", "{\"$gt\":\"\"}")) {
            HttpResponse<String> refused = post(ELECTIONS + "/" + electionId + "/check-ins", officers.get("sukamaju-01"),
                    "{\"nik\":" + (nik.startsWith("{") ? nik : "\"" + nik + "\"") + "}");
            assertThat(refused.statusCode()).as(nik + " → " + refused.body()).isBetween(400, 499);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.body()).doesNotContain("token\"");
        }
        // the second check-in of a NIK is refused, and the results stay secret while polling is open
        expect(post(ELECTIONS + "/" + electionId + "/check-ins", officers.get("sukamaju-01"),
                "{\"nik\":\"" + niks.get("sukamaju-01").get(0) + "\"}"), 409);
        assertThat(platform.get(ELECTIONS + "/" + electionId + "/results", null).statusCode()).isGreaterThanOrEqualTo(400);

        expect(post(ELECTIONS + "/" + electionId + "/close", admin, ""), 200);
        String aggregates = expect(platform.get(ELECTIONS + "/" + electionId + "/tally/aggregates", null), 200).body();
        List<AggregateCiphertext> sums = RecordJson.MAPPER.readValue(JSON.readTree(aggregates).path("aggregates").toString(),
                RecordJson.MAPPER.getTypeFactory().constructCollectionType(List.class, AggregateCiphertext.class));
        for (var guardian : guardians.entrySet()) {
            GuardianDecryption decryption = keys.get(guardian.getKey()).secretKey().decrypt(context, sums);
            expect(platform.send("POST", ELECTIONS + "/" + electionId + "/tally/decryptions/" + guardian.getKey(), guardian.getValue(),
                    "application/json", RecordJson.MAPPER.writeValueAsString(decryption), Map.of()), 201);
        }
        expect(post(ELECTIONS + "/" + electionId + "/publish", admin, ""), 200);

        JsonNode results = json(expect(platform.get(ELECTIONS + "/" + electionId + "/results", null), 200));
        assertThat(results.path("recap").path("totalBallots").asLong()).isEqualTo(5);
        Path record = records.resolve("pilkades-record.zip");
        HttpResponse<Path> download = platform.http.send(HttpRequest.newBuilder(
                URI.create(RunningPlatform.GATEWAY + ELECTIONS + "/" + electionId + "/record")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofFile(record));
        assertThat(download.statusCode()).isEqualTo(200);
        VerificationReport verification = new RecordVerifier().verify(record, trackingCodes);
        assertThat(verification.failures()).isEmpty();
        assertThat(verification.allPassed()).isTrue();
        System.out.printf("[e2e] Pilkades %s: %d ballots on the board, results published, verifier passed%n",
                electionId, trackingCodes.size());
    }

    static String create(String admin, List<String> guardianIds) throws Exception {
        platform = RunningPlatform.get();
        List<Map<String, String>> guardians = new ArrayList<>();
        guardianIds.forEach(id -> guardians.add(Map.of("id", id, "name", "Wali " + id)));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("jurisdictionId", "banyuasin");
        setup.put("name", "Pilkades Banyuasin uji ujung ke ujung (contoh)");
        setup.put("date", LocalDate.now().plusDays(30).toString());
        setup.put("pollsOpen", "07:00");
        setup.put("pollsClose", "13:00");
        setup.put("timeZone", "Asia/Jakarta");
        setup.put("allowBlankVotes", false);
        setup.put("villages", List.of(
                Map.of("code", "sukamaju", "name", "Desa Sukamaju (contoh)",
                        "pollingStations", List.of(Map.of("id", "sukamaju-01", "name", "TPS 01 Sukamaju")),
                        "candidates", List.of(Map.of("ballotNumber", 1, "name", "Calon Satu (contoh)"),
                                Map.of("ballotNumber", 2, "name", "Calon Dua (contoh)"))),
                Map.of("code", "mekarsari", "name", "Desa Mekarsari (contoh)",
                        "pollingStations", List.of(Map.of("id", "mekarsari-01", "name", "TPS 01 Mekarsari")),
                        "candidates", List.of(Map.of("ballotNumber", 1, "name", "Calon A (contoh)"),
                                Map.of("ballotNumber", 2, "name", "Calon B (contoh)")))));
        setup.put("committee", List.of(Map.of("name", "Ketua Panitia (contoh)", "role", "ketua")));
        setup.put("guardians", guardians);
        return json(expect(post(ELECTIONS, admin, JSON.writeValueAsString(setup)), 201)).path("id").asString();
    }

    static JsonNode register(Map<String, Object> client) throws Exception {
        platform = RunningPlatform.get();
        return json(expect(post("/api/v1/clients", platform.key("DEMO_OPERATOR_KEY"), JSON.writeValueAsString(client)), 201));
    }

    static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return platform.send("POST", path, key, "application/json", body, Map.of());
    }

    static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri().getPath() + " → " + answer.body())
                .isEqualTo(status);
        return answer;
    }
}
