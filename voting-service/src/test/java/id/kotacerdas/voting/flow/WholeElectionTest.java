package id.kotacerdas.voting.flow;

import id.kotacerdas.voting.VotingApi;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.election.ElectionEvents;
import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.record.ElectionRecord;
import id.kotacerdas.election.crypto.record.ElectionRecordReader;
import id.kotacerdas.election.crypto.verifier.RecordVerifier;
import id.kotacerdas.election.crypto.verifier.VerificationReport;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WholeElectionTest extends VotingServiceTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @TempDir
    Path records;

    @Test
    void aWholeElectionRunsAndItsPublishedRecordPassesTheVerifier() throws Exception {
        try (RecordedTopics topics = RecordedTopics.of(brokers, Topics.ELECTIONS, Topics.ELECTION_BOARD)) {
            List<String> guardians = List.of("ketua-bpd", "saksi-calon", "tokoh-masyarakat");
            String id = createElection("Pilkades Serentak Banyuasin (contoh)", guardians, false);
            ElectionFixture election = new ElectionFixture(api, id, guardians)
                    .importRoll(Map.of("sukamaju-01", 4, "sukamaju-02", 2, "mekarsari-01", 3), 100)
                    .keyCeremony();
            assertThat(api.get("/elections/" + id).json().path("state").asString()).isEqualTo("READY");
            election.open();

            // votes per TPS: ballot numbers of the candidates chosen, one per voter who turns up
            Map<String, List<Integer>> votes = new LinkedHashMap<>();
            votes.put("sukamaju-01", List.of(1, 2, 2));
            votes.put("sukamaju-02", List.of(3, 2));
            votes.put("mekarsari-01", List.of(1, 1, 2));
            List<String> trackingCodes = new ArrayList<>();
            for (var tps : votes.entrySet()) {
                String village = tps.getKey().substring(0, tps.getKey().lastIndexOf('-'));
                for (int i = 0; i < tps.getValue().size(); i++) {
                    String token = election.tokenFor(tps.getKey(), election.niks.get(tps.getKey()).get(i));
                    Answer receipt = election.cast(token, election.ballot(village, tps.getValue().get(i)));
                    assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
                    trackingCodes.add(receipt.json().path("trackingCode").asString());
                }
            }

            JsonNode turnout = api.get("/elections/" + id + "/turnout").json();
            assertThat(turnout.path("checkedIn").asLong()).isEqualTo(8);
            assertThat(turnout.path("eligible").asLong()).isEqualTo(9);
            assertThat(api.get("/elections/" + id + "/results").status()).isEqualTo(409);
            assertThat(api.get("/elections/" + id + "/board/" + trackingCodes.get(3)).json().path("sequence").asLong())
                    .isEqualTo(4);

            Answer closed = api.post("/elections/" + id + "/close", Identity.admin(), "");
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
            assertThat(closed.json().path("ballotsCounted").asLong()).isEqualTo(8);
            for (String guardian : guardians) {
                Answer submitted = election.submitDecryption(guardian, election.decryptionBy(guardian));
                assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            }
            assertThat(api.get("/elections/" + id).json().path("state").asString()).isEqualTo("TALLIED");
            assertThat(api.get("/elections/" + id + "/results").status()).isEqualTo(409);
            assertThat(api.post("/elections/" + id + "/publish", Identity.admin(), "").status()).isEqualTo(200);

            JsonNode results = api.get("/elections/" + id + "/results").json();
            JsonNode sukamaju = results.path("recap").path("villages").get(0);
            assertThat(sukamaju.path("villageCode").asString()).isEqualTo("sukamaju");
            assertThat(votesOf(sukamaju)).containsExactly(1L, 3L, 1L);
            assertThat(votesOf(results.path("recap").path("villages").get(1))).containsExactly(2L, 1L);
            assertThat(results.path("recap").path("totalBallots").asLong()).isEqualTo(8);

            Path record = download("/elections/" + id + "/record");
            ElectionRecord published = ElectionRecordReader.readAll(record);
            assertThat(published.board()).extracting(BoardEntry::trackingCode).containsExactlyElementsOf(trackingCodes);
            assertThat(published.decryptions()).hasSize(3);
            assertThat(published.recap().totalBallots()).isEqualTo(8);
            VerificationReport report = new RecordVerifier().verify(record, trackingCodes);
            assertThat(report.failures()).isEmpty();
            assertThat(report.allPassed()).isTrue();
            VerificationReport tampered = new RecordVerifier().verify(
                    withBoardLineChanged(record, trackingCodes.get(3)), trackingCodes);
            assertThat(tampered.allPassed()).isFalse();

            for (var type : List.of(ElectionEvents.SCHEDULED, ElectionEvents.POLLING_OPENED, ElectionEvents.BALLOT_CAST,
                    ElectionEvents.POLLING_CLOSED, ElectionEvents.TALLY_DECRYPTED, ElectionEvents.RESULTS_PUBLISHED)) {
                topics.await(r -> id.equals(r.key()) && type.type().equals(RecordedTopics.header(r, "ce_type")),
                        Duration.ofSeconds(30));
            }
            assertThat(topics.ofType(ElectionEvents.BALLOT_CAST.type()).stream().filter(r -> id.equals(r.key())))
                    .hasSize(8);
        }
    }

    private static List<Long> votesOf(JsonNode village) {
        List<Long> counts = new ArrayList<>();
        village.path("candidates").forEach(c -> counts.add(c.path("votes").asLong()));
        return counts;
    }

    /** The same record with one board entry's TPS changed, as a dishonest server might. */
    private Path withBoardLineChanged(Path record, String trackingCode) throws Exception {
        Path copy = Files.createTempFile(records, "election-record-tampered-", ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(record));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("board.jsonl")) {
                    String board = new String(bytes, StandardCharsets.UTF_8);
                    String line = board.lines().filter(l -> l.contains(trackingCode)).findFirst().orElseThrow();
                    bytes = board.replace(line, line.replace("sukamaju-02", "sukamaju-01")).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    private Path download(String path) throws Exception {
        Path file = Files.createTempFile(records, "election-record-", ".zip");
        HttpResponse<Path> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + VotingApi.apiPath(path))).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        return file;
    }
}
