package id.kotacerdas.voting.ceremony;

import id.kotacerdas.election.crypto.guardian.GuardianKeyPair;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCeremonyTest extends VotingServiceTestBase {

    @Test
    void aKeyWithABadProofIsRefusedAndTheElectionStaysInTheCeremony() {
        String id = createElection("Pilkades kunci (contoh)", List.of("g1", "g2"), false);
        new ElectionFixture(api, id, List.of("g1", "g2")).importRoll(Map.of("sukamaju-01", 1), 950);
        String keys = "/elections/" + id + "/guardians/";
        GuardianPublicKey early = GuardianKeyPair.generate(id, "g1", 1).publicKey();
        assertThat(publish(keys + "g1/public-key", "g1", early).status()).as("before the ceremony").isEqualTo(409);
        api.post("/elections/" + id + "/key-ceremony", Identity.admin(), "");

        GuardianPublicKey g1 = GuardianKeyPair.generate(id, "g1", 1).publicKey();
        GuardianPublicKey other = GuardianKeyPair.generate(id, "g1", 1).publicKey();
        GuardianPublicKey forged = new GuardianPublicKey(id, "g1", 1, other.publicKey(), g1.proof());

        Answer bad = publish(keys + "g1/public-key", "g1", forged);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(publish(keys + "g1/public-key", "g1", GuardianKeyPair.generate(id, "g1", 2).publicKey()).status())
                .as("wrong sequence").isEqualTo(400);
        assertThat(publish(keys + "g9/public-key", "g9", GuardianKeyPair.generate(id, "g9", 3).publicKey()).status())
                .isEqualTo(404);
        assertThat(api.put(keys + "g1/public-key", Identity.admin(), json(g1)).status()).isEqualTo(403);

        assertThat(publish(keys + "g1/public-key", "g1", g1).status()).isEqualTo(201);
        assertThat(publish(keys + "g1/public-key", "g1", g1).status()).as("published twice").isEqualTo(409);
        assertThat(api.get("/elections/" + id).json().path("state").asString()).isEqualTo("KEY_CEREMONY");
        assertThat(api.get("/elections/" + id + "/manifest").status()).isEqualTo(409);

        assertThat(publish(keys + "g2/public-key", "g2", GuardianKeyPair.generate(id, "g2", 2).publicKey()).status())
                .isEqualTo(201);
        var election = api.get("/elections/" + id).json();
        assertThat(election.path("state").asString()).isEqualTo("READY");
        assertThat(election.path("manifestHash").asString()).hasSize(64);
        assertThat(api.get(keys + "public-keys").json().size()).isEqualTo(2);
    }

    private Answer publish(String path, String guardian, GuardianPublicKey key) {
        return api.put(path, Identity.guardian(guardian), json(key));
    }

    private static Object json(GuardianPublicKey key) {
        return RecordJson.MAPPER.readTree(RecordJson.MAPPER.writeValueAsString(key));
    }
}
