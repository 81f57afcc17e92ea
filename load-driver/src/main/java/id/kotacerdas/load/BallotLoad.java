package id.kotacerdas.load;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.RecordJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A polling day in miniature through the gateway: an election with one village and TPS is set up, its roll
 * imported, keys made and polls opened; voters are checked in for single-use tokens, their ballots encrypted
 * as the booth does, then cast by several booths at once. Prints ballots cast per second.
 */
final class BallotLoad {

    private static final LocalDate BORN = LocalDate.of(1980, 3, 14);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String gateway;
    private final Map<String, String> keys;
    private final StackCpu cpu;

    BallotLoad(String gateway, Map<String, String> keys, StackCpu cpu) {
        this.gateway = gateway;
        this.keys = keys;
        this.cpu = cpu;
    }

    /**
     * @param castPerSecond      ballots accepted per second of casting
     * @param cpuBeforeCasting   every process's CPU just before the first ballot was cast (after check-ins and the
     *                           booths' encryption), to bill the casting alone
     */
    record Outcome(int accepted, double castPerSecond, Map<String, Double> cpuBeforeCasting) {
    }

    /** Sets up an election of its own, checks every voter in and casts their ballots from the booths. */
    Outcome run(int voters, int booths) throws Exception {
        String admin = keys.get("DEMO_ELECTION_ADMIN_KEY");
        String electionId = expect(201, post("/api/v1/elections", admin, "application/json", setup())).path("id").asString();
        StringJoiner roll = new StringJoiner("\n").add("nik,nama,tanggal_lahir,jenis_kelamin,desa,tps,telepon");
        List<String> niks = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            boolean woman = i % 2 == 0;
            String nik = String.format("160701%02d%02d%02d%04d", BORN.getDayOfMonth() + (woman ? 40 : 0),
                    BORN.getMonthValue(), BORN.getYear() % 100, i + 1);
            niks.add(nik);
            roll.add(String.join(",", nik, "Pemilih Uji " + i, BORN.toString(), woman ? "P" : "L", "ujicoba",
                    "ujicoba-01", ""));
        }
        expect(201, post("/api/v1/elections/" + electionId + "/voter-roll/imports", admin, "text/csv", roll.toString()));
        expect(200, post("/api/v1/elections/" + electionId + "/key-ceremony", admin, "application/json", ""));
        GuardianKeyPair guardian = GuardianKeyPair.generate(electionId, "wali-uji", 1);
        expect(201, put("/api/v1/elections/" + electionId + "/guardians/wali-uji/public-key", keys.get("DEMO_GUARDIAN_KEY"),
                RecordJson.MAPPER.writeValueAsString(guardian.publicKey())));
        JsonNode frozen = expect(200, get("/api/v1/elections/" + electionId + "/manifest"));
        BallotContext context = new BallotContext(
                RecordJson.MAPPER.treeToValue(frozen.path("manifest"), ElectionManifest.class),
                frozen.path("electionKey").asString());
        expect(200, post("/api/v1/elections/" + electionId + "/open", admin, "application/json", ""));
        String officer = expect(201, post("/api/v1/clients", keys.get("DEMO_OPERATOR_KEY"), "application/json", """
                {"name":"petugas-uji","roles":["tps-officer"],"electionId":"%s","tpsId":"ujicoba-01"}"""
                .formatted(electionId))).path("apiKey").asString();

        long checkInStart = System.nanoTime();
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        IntStream.range(0, voters).parallel().forEach(i -> tokens.add(expect(201, post("/api/v1/elections/" + electionId
                + "/check-ins", officer, "application/json", "{\"nik\":\"" + niks.get(i) + "\"}")).path("token").asString()));
        double checkInSeconds = Ceilings.seconds(checkInStart);

        long encryptStart = System.nanoTime();
        BallotEncryptor booth = new BallotEncryptor(context);
        List<String> casts = new ArrayList<>(tokens).parallelStream().map(token -> {
            EncryptedBallot ballot = booth.encrypt("ujicoba", "ujicoba-" + (1 + ThreadLocalRandom.current().nextInt(3)));
            return "{\"token\":\"" + token + "\",\"ballot\":" + RecordJson.MAPPER.writeValueAsString(ballot) + "}";
        }).toList();
        double encryptSeconds = Ceilings.seconds(encryptStart);

        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Latencies latencies = new Latencies();
        Map<String, Double> cpuBeforeCasting = cpu.snapshot();
        long castStart = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int b = 0; b < booths; b++) {
            Thread boothThread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < casts.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = post("/api/v1/elections/" + electionId + "/ballots", null,
                            "application/json", casts.get(i));
                    if (answer.statusCode() == 201) {
                        accepted.incrementAndGet();
                        latencies.add((System.nanoTime() - sent) / 1000);
                    } else {
                        refused.incrementAndGet();
                    }
                }
            });
            boothThread.start();
            threads.add(boothThread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double castSeconds = Ceilings.seconds(castStart);
        System.out.printf("Ballots (election %s, %d voters, %d booths):%n", electionId, voters, booths);
        System.out.printf("  check-ins %,.0f/s; booth encryption with proofs %,.0f ballots/s on this machine%n",
                voters / checkInSeconds, voters / encryptSeconds);
        System.out.printf("  cast %,d accepted, %d refused: %,.0f ballots/s, latency %s%n", accepted.get(), refused.get(),
                accepted.get() / castSeconds, latencies.summary());
        return new Outcome(accepted.get(), accepted.get() / castSeconds, cpuBeforeCasting);
    }

    private String setup() {
        return """
                {"jurisdictionId":"banyuasin","name":"Uji beban Pilkades (contoh)","date":"%s","pollsOpen":"00:00",
                 "pollsClose":"23:59","timeZone":"Asia/Jakarta","allowBlankVotes":false,
                 "villages":[{"code":"ujicoba","name":"Desa Ujicoba (contoh)",
                   "pollingStations":[{"id":"ujicoba-01","name":"TPS 01 Ujicoba"}],
                   "candidates":[{"ballotNumber":1,"name":"Calon Satu"},{"ballotNumber":2,"name":"Calon Dua"},
                                 {"ballotNumber":3,"name":"Calon Tiga"}]}],
                 "committee":[{"name":"Ketua Panitia (contoh)","role":"ketua"}],
                 "guardians":[{"id":"wali-uji","name":"Wali Uji"}]}""".formatted(LocalDate.now().plusDays(1));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    private HttpResponse<String> post(String path, String apiKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request);
    }

    private HttpResponse<String> put(String path, String apiKey, String body) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .header("X-API-Key", apiKey).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.request().uri().getPath() + " answered "
                    + answer.statusCode() + ", expected " + status + ": " + answer.body());
        }
        return answer.body().isBlank() ? RecordJson.MAPPER.createObjectNode() : RecordJson.MAPPER.readTree(answer.body());
    }
}
