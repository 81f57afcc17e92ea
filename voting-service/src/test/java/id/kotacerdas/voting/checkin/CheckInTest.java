package id.kotacerdas.voting.checkin;

import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInTest extends VotingServiceTestBase {

    @Autowired
    MongoTemplate mongo;

    ElectionFixture election;

    @BeforeEach
    void openElection() {
        String id = createElection("Pilkades check-in (contoh)", List.of("g1"), true);
        election = new ElectionFixture(api, id, List.of("g1"))
                .importRoll(Map.of("sukamaju-01", 3, "sukamaju-02", 1), 700).keyCeremony();
    }

    @Test
    void checkInBeforeOpeningIs409() {
        assertThat(election.checkIn("sukamaju-01", election.niks.get("sukamaju-01").get(0)).status()).isEqualTo(409);
    }

    @Test
    void aVoterOfAnotherTpsOrAnOfficerOfAnotherElectionIs403() {
        election.open();
        String nik = election.niks.get("sukamaju-02").get(0);

        assertThat(election.checkIn("sukamaju-01", nik).status()).isEqualTo(403);
        Answer otherElection = api.post("/elections/" + election.electionId + "/check-ins",
                Identity.officer("another-election", "sukamaju-02"), Map.of("nik", nik));
        assertThat(otherElection.status()).isEqualTo(403);
        assertThat(api.post("/elections/" + election.electionId + "/check-ins", Identity.admin(), Map.of("nik", nik))
                .status()).isEqualTo(403);
        assertThat(election.checkIn("sukamaju-02", nik).status()).isEqualTo(201);
    }

    @Test
    void anUnknownOrMalformedNikIsRefused() {
        election.open();
        assertThat(election.checkIn("sukamaju-01", "1607030000000001").status()).isEqualTo(404);
        Answer malformed = election.checkIn("sukamaju-01", "16070");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("nik");
    }

    @Test
    void twoOfficersCheckingInTheSameNikAtOnceYieldExactlyOneToken() throws Exception {
        election.open();
        String nik = election.niks.get("sukamaju-01").get(1);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Answer> checkIn = () -> {
                start.await();
                return election.checkIn("sukamaju-01", nik);
            };
            answers.add(pool.submit(checkIn));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("electionId").is(election.electionId)
                        .and("state").is("ISSUED")), BallotToken.class)).isEqualTo(1);
    }

    @Test
    void theCheckInRecordHoldsNoTokenAndTheTokenRecordNoVoter() {
        election.open();
        String token = election.tokenFor("sukamaju-01", election.niks.get("sukamaju-01").get(2));

        var checkIn = mongo.getCollection("check_ins").find(new org.bson.Document("electionId", election.electionId)).first();
        var tokenRecord = mongo.getCollection("ballot_tokens")
                .find(new org.bson.Document("electionId", election.electionId)).first();
        assertThat(checkIn.toJson()).doesNotContain(token).doesNotContain(Tokens.hash(token));
        assertThat(tokenRecord.keySet()).doesNotContain("nikHash", "voterId", "officerId", "checkInId");
        assertThat(tokenRecord.toJson()).doesNotContain(checkIn.getString("nikHash")).doesNotContain(token);
        Answer blank = election.cast(token, election.ballot("sukamaju", null));
        assertThat(blank.status()).as("blank votes are allowed in this election").isEqualTo(201);
    }
}
