package id.kotacerdas.voting.roll;

import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

import static id.kotacerdas.voting.SampleElection.HEADER;
import static id.kotacerdas.voting.SampleElection.line;
import static id.kotacerdas.voting.SampleElection.nik;
import static org.assertj.core.api.Assertions.assertThat;

class DptImportTest extends VotingServiceTestBase {

    static final LocalDate BORN = LocalDate.of(1980, 5, 17);

    @Autowired
    MongoTemplate mongo;

    @Test
    void aValidRollIsImportedWithCountsAndNoNikOrNameInTheClear() {
        String election = createElection("Pilkades DPT (contoh)", List.of("g1"), false);
        StringJoiner csv = new StringJoiner("\n").add(HEADER);
        for (int i = 1; i <= 2500; i++) {
            csv.add(line(nik(1, BORN, i % 2 == 0, i), "Warga, Nomor " + i, BORN, i % 2 == 0, "sukamaju",
                    i % 3 == 0 ? "sukamaju-02" : "sukamaju-01", i % 5 == 0 ? "0812-3456-" + (1000 + i) : null));
        }

        Answer job = api.postCsv("/elections/" + election + "/voter-roll/imports", Identity.admin(), csv.toString());

        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        assertThat(job.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.json().path("linesRead").asLong()).isEqualTo(2500);
        assertThat(job.json().path("votersImported").asLong()).isEqualTo(2500);
        Answer progress = api.get("/elections/" + election + "/voter-roll/imports/" + job.json().path("id").asString(),
                Identity.admin());
        assertThat(progress.json().path("votersImported").asLong()).isEqualTo(2500);

        var stored = mongo.getCollection("voters").find(new org.bson.Document("electionId", election)).first();
        assertThat(stored.toJson()).doesNotContain(nik(1, BORN, true, 2)).doesNotContain("Warga");
        assertThat(stored.getString("nikHash")).hasSize(64);
    }

    @Test
    void badLinesAreListedByLineNumberAndNothingIsStored() {
        String election = createElection("Pilkades DPT salah (contoh)", List.of("g1"), false);
        String good = nik(1, BORN, false, 1);
        String csv = String.join("\n", HEADER,
                line(good, "Benar", BORN, false, "sukamaju", "sukamaju-01", null),
                line("12345", "Pendek", BORN, false, "sukamaju", "sukamaju-01", null),
                line(nik(1, BORN, false, 2), "Perempuan tanpa +40", BORN, true, "sukamaju", "sukamaju-01", null),
                line(nik(1, BORN, false, 3), "Tanggal lain", BORN.plusDays(1), false, "sukamaju", "sukamaju-01", null),
                line(good, "Ganda", BORN, false, "sukamaju", "sukamaju-01", null),
                line(nik(1, BORN, false, 4), "TPS asing", BORN, false, "sukamaju", "mekarsari-01", null),
                line("9907" + good.substring(4), "Wilayah asing", BORN, false, "sukamaju", "sukamaju-01", null));

        Answer answer = api.postCsv("/elections/" + election + "/voter-roll/imports", Identity.admin(), csv);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("line 3: nik", "line 4: nik", "line 5: nik",
                "line 6: nik", "line 7: tps", "line 8: nik");
        assertThat(answer.body()).contains("duplicates the NIK on line 2").contains("does not match the birth date");
        assertThat(mongo.count(Query.query(Criteria.where("electionId").is(election)), Voter.class)).isZero();
        Answer jobs = api.get("/elections/" + election + "/voter-roll/imports", Identity.admin());
        assertThat(jobs.json().get(0).path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void brokenQuotingIsABadRequestNamingTheLine() {
        String election = createElection("Pilkades CSV rusak (contoh)", List.of("g1"), false);
        String csv = HEADER + "\n" + nik(1, BORN, false, 1) + ",\"Nama \"tanpa\" tutup,1980-05-17,L,sukamaju,sukamaju-01,\n";

        Answer answer = api.postCsv("/elections/" + election + "/voter-roll/imports", Identity.admin(), csv);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("line 2");
    }

    @Test
    void aVoterAlreadyOnTheRollIsRejectedInALaterImport() {
        String election = createElection("Pilkades DPT dua kali (contoh)", List.of("g1"), false);
        String voter = line(nik(2, BORN, true, 7), "Sekali", BORN, true, "mekarsari", "mekarsari-01", null);
        assertThat(api.postCsv("/elections/" + election + "/voter-roll/imports", Identity.admin(),
                HEADER + "\n" + voter).status()).isEqualTo(201);

        Answer again = api.postCsv("/elections/" + election + "/voter-roll/imports", Identity.admin(),
                HEADER + "\n" + voter);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("already on the voter roll");
    }
}
