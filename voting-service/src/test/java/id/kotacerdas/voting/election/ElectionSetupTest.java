package id.kotacerdas.voting.election;

import id.kotacerdas.voting.SampleElection;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionSetupTest extends VotingServiceTestBase {

    @Test
    void anAdministratorSetsUpADraftElectionThatAnyoneCanRead() {
        String id = createElection("Pilkades Banyuasin (contoh)", List.of("g1"), false);

        Answer read = api.get("/elections/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("state").asString()).isEqualTo("DRAFT");
        assertThat(read.json().path("villages").size()).isEqualTo(2);
        assertThat(read.json().path("opensAt").asString()).endsWith("T00:00:00Z");
    }

    @Test
    void onlyAnElectionAdministratorMaySetUpAnElection() {
        Map<String, Object> setup = SampleElection.setup("x", LocalDate.now(), List.of("g1"), false);
        assertThat(api.post("/elections", Identity.ANONYMOUS, setup).status()).isEqualTo(401);
        assertThat(api.post("/elections", Identity.citizen(), setup).status()).isEqualTo(403);
    }

    @Test
    void anIncompleteSetupNamesEveryBadFieldAndStoresNothing() {
        int before = api.get("/elections").json().size();
        Map<String, Object> setup = new java.util.HashMap<>(SampleElection.setup("", LocalDate.now(), List.of(), false));
        setup.put("timeZone", "Mars/Olympus");
        setup.put("pollsClose", "06:00");

        Answer answer = api.post("/elections", Identity.admin(), setup);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).contains("name", "timeZone", "pollsClose", "guardians");
        assertThat(api.get("/elections").json().size()).isEqualTo(before);
    }

    @Test
    void eachLifecycleStepRefusesTheWrongStateWith409() {
        String id = createElection("Pilkades urutan (contoh)", List.of("g1"), false);

        Answer openFromDraft = api.post("/elections/" + id + "/open", Identity.admin(), "");
        assertThat(openFromDraft.status()).isEqualTo(409);
        assertThat(openFromDraft.body()).contains("DRAFT");
        assertThat(api.post("/elections/" + id + "/close", Identity.admin(), "").status()).isEqualTo(409);
        assertThat(api.post("/elections/" + id + "/publish", Identity.admin(), "").status()).isEqualTo(409);

        assertThat(api.post("/elections/" + id + "/key-ceremony", Identity.admin(), "").status()).isEqualTo(200);
        assertThat(api.post("/elections/" + id + "/key-ceremony", Identity.admin(), "").status()).isEqualTo(409);
        Answer changeAfterDraft = api.put("/elections/" + id, Identity.admin(),
                SampleElection.setup("changed", LocalDate.now(), List.of("g1"), false));
        assertThat(changeAfterDraft.status()).isEqualTo(409);
        assertThat(api.get("/elections/" + id).json().path("name").asString()).isEqualTo("Pilkades urutan (contoh)");
    }

    @Test
    void theApiIsPublishedAsOpenApi() {
        Answer docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/elections/{electionId}/ballots", "/elections/{electionId}/check-ins",
                "/elections/{electionId}/record", "/elections/{electionId}/voter-roll/imports");
    }
}
