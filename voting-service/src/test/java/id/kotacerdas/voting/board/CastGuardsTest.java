package id.kotacerdas.voting.board;

import id.kotacerdas.election.crypto.ballot.ConstantProof;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CastGuardsTest extends VotingServiceTestBase {

    ElectionFixture election;

    @BeforeEach
    void openElection() {
        String id = createElection("Pilkades penjagaan (contoh)", List.of("g1", "g2"), false);
        election = new ElectionFixture(api, id, List.of("g1", "g2"))
                .importRoll(Map.of("sukamaju-01", 6, "mekarsari-01", 2), 500).keyCeremony().open();
    }

    @Test
    void aBallotWithAnInvalidProofIs422AndTheTokenStaysUsable() {
        String token = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(0));
        EncryptedBallot valid = election.ballot("sukamaju", 2);
        ConstantProof proof = valid.exactlyOneProof();
        EncryptedBallot forged = new EncryptedBallot(valid.electionId(), valid.manifestHash(), valid.villageCode(),
                valid.selections(), new ConstantProof(proof.a(), proof.b(), election.ballot("sukamaju", 1).exactlyOneProof().v()),
                null);

        Answer rejected = election.cast(token, forged);

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.body()).contains("The token was not used");
        assertThat(election.cast(token, valid).status()).isEqualTo(201);
    }

    @Test
    void aUsedTokenIs409() {
        String token = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(1));
        assertThat(election.cast(token, election.ballot("sukamaju", 1)).status()).isEqualTo(201);

        Answer again = election.cast(token, election.ballot("sukamaju", 3));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void aReplayedBallotIs409AndDoesNotUseTheNewToken() {
        EncryptedBallot ballot = election.ballot("sukamaju", 1);
        assertThat(election.cast(election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(2)), ballot)
                .status()).isEqualTo(201);
        String secondToken = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(3));

        Answer replay = election.cast(secondToken, ballot);

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).contains("already on the board");
        assertThat(election.cast(secondToken, election.ballot("sukamaju", 2)).status()).isEqualTo(201);
    }

    @Test
    void aTokenOpensOnlyItsOwnVillagesBallotAndAnUnknownTokenNone() {
        String token = election.tokenFor("mekarsari-01", election.niks.get("mekarsari-01").get(0));

        assertThat(election.cast(token, election.ballot("sukamaju", 1)).status()).isEqualTo(422);
        assertThat(election.cast("NOTATOKENNOTATOKENNOTATOKEN23456", election.ballot("sukamaju", 1)).status())
                .isEqualTo(403);
        assertThat(election.cast(token, election.ballot("mekarsari", 2)).status()).isEqualTo(201);
    }

    @Test
    void partialResultsAndAggregatesAreHiddenWhileOpenButTurnoutIsPublic() {
        String token = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(4));
        assertThat(election.cast(token, election.ballot("sukamaju", 3)).status()).isEqualTo(201);

        assertThat(api.get("/elections/" + election.electionId + "/results").status()).isEqualTo(409);
        assertThat(api.get("/elections/" + election.electionId + "/results", Identity.admin()).status()).isEqualTo(409);
        assertThat(api.get("/elections/" + election.electionId + "/tally/aggregates").status()).isEqualTo(409);
        assertThat(api.get("/elections/" + election.electionId + "/record").status()).isEqualTo(409);
        Answer turnout = api.get("/elections/" + election.electionId + "/turnout");
        assertThat(turnout.status()).isEqualTo(200);
        assertThat(turnout.json().path("villages").get(0).path("pollingStations").get(0).path("checkedIn").asLong())
                .isEqualTo(1);
    }

    @Test
    void afterClosingNoBallotIsAcceptedAndAWrongPartialDecryptionIs422() {
        String token = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(5));
        assertThat(api.post("/elections/" + election.electionId + "/close", Identity.admin(), "").status())
                .isEqualTo(200);

        assertThat(election.cast(token, election.ballot("sukamaju", 1)).status()).isEqualTo(409);
        Answer wrongGuardian = election.submitDecryption("g1", election.guardianKeys.get("g2").secretKey()
                .decrypt(election.context, election.aggregates()));
        assertThat(wrongGuardian.status()).isIn(400, 422);
        assertThat(election.submitDecryption("g1", election.decryptionBy("g1")).status()).isEqualTo(201);
        assertThat(election.submitDecryption("g1", election.decryptionBy("g1")).status()).isEqualTo(409);
    }
}
