package id.kotacerdas.voting.board;

import id.kotacerdas.election.crypto.board.BoardChain;
import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Answer;
import id.kotacerdas.voting.VotingServiceTestBase;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BoardAppendTest extends VotingServiceTestBase {

    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesAppendingAtOnceKeepOneLinearChain() throws Exception {
        String id = createElection("Pilkades papan (contoh)", List.of("g1"), false);
        ElectionFixture election = new ElectionFixture(api, id, List.of("g1"))
                .importRoll(Map.of("sukamaju-01", 1), 990).keyCeremony().open();
        // two Board objects stand for two service instances sharing the store
        List<Board> instances = List.of(new Board(mongo), new Board(mongo));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<BoardRecord>> appended = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Board instance = instances.get(i % 2);
            var ballot = election.ballot("sukamaju", 1 + i % 3);
            Callable<BoardRecord> append = () -> {
                start.await();
                return instance.append(id, election.context.manifestHash(), "sukamaju-01", ballot, () -> true);
            };
            appended.add(pool.submit(append));
        }
        start.countDown();
        for (Future<BoardRecord> f : appended) {
            f.get();
        }
        pool.shutdown();

        List<BoardRecord> chain;
        try (Stream<BoardRecord> entries = instances.get(0).stream(id)) {
            chain = entries.toList();
        }
        assertThat(chain).extracting(BoardRecord::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 24).boxed().toList());
        String previous = BoardChain.genesis(id, election.context.manifestHash());
        for (BoardRecord entry : chain) {
            assertThat(entry.previousHash()).isEqualTo(previous);
            assertThat(entry.entryHash()).isEqualTo(BoardChain.entryHash(previous, entry.sequence(), entry.tpsId(),
                    entry.trackingCode()));
            previous = entry.entryHash();
        }
    }

    @Test
    void twoBoothsCastingWithOneTokenAtOnceGetOneBallotOnTheBoard() throws Exception {
        String id = createElection("Pilkades token ganda (contoh)", List.of("g1"), false);
        ElectionFixture election = new ElectionFixture(api, id, List.of("g1"))
                .importRoll(Map.of("mekarsari-01", 1), 995).keyCeremony().open();
        String token = election.tokenFor("mekarsari-01", election.niks.get("mekarsari-01").get(0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var ballot = election.ballot("mekarsari", 1 + i % 2);
            answers.add(pool.submit(() -> {
                start.await();
                return election.cast(token, ballot);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(api.get("/elections/" + id + "/board").json().size()).isEqualTo(1);
    }
}
