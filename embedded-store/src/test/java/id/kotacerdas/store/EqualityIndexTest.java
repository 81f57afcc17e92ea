package id.kotacerdas.store;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EqualityIndexTest {

    private static final Instant NOON = Instant.parse("2026-12-05T12:00:00Z");

    private final EqualityIndex<Integer> index = new EqualityIndex<>("state_dueAt",
            List.of(new IndexKey("state", true), new IndexKey("dueAt", true)));

    @BeforeEach
    void holdThreeDocuments() {
        index.add(document("a", "OPEN", NOON.plusSeconds(30)), 0, null);
        index.add(document("b", "OPEN", NOON.plusSeconds(10)), 1, null);
        index.add(document("c", "CLOSED", NOON), 2, null);
    }

    @Test
    void anUpdateThatKeepsBothKeysLeavesTheDocumentWhereItIs() {
        Document before = document("a", "OPEN", NOON.plusSeconds(30));
        Document after = document("a", "OPEN", NOON.plusSeconds(30)).append("note", "seen").append("version", 2);

        index.updateInPlace(before, after, 0, null);

        assertThat(index.moves()).isZero();
        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(1, 0);
        assertThat(index.getCount()).isEqualTo(3);
    }

    @Test
    void anUpdateOfTheSecondKeyReordersTheDocumentInItsBucket() {
        index.updateInPlace(document("a", "OPEN", NOON.plusSeconds(30)), document("a", "OPEN", NOON), 0, null);

        assertThat(index.moves()).isOne();
        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(0, 1);
    }

    @Test
    void anUpdateOfTheFirstKeyMovesTheDocumentToItsNewBucket() {
        index.updateInPlace(document("b", "OPEN", NOON.plusSeconds(10)), document("b", "CLOSED", NOON.plusSeconds(10)),
                1, null);

        assertThat(index.moves()).isOne();
        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(0);
        assertThat(index.getPositions(new Document("state", "CLOSED"))).containsExactly(2, 1);
        assertThat(index.getCount()).isEqualTo(3);
    }

    @Test
    void documentsWithoutTheFirstKeyShareABucketThatUpdatesOfOtherFieldsLeaveAlone() {
        index.add(new Document("_id", "d").append("note", "x"), 3, null);

        index.updateInPlace(new Document("_id", "d").append("note", "x"), new Document("_id", "d").append("note", "y"),
                3, null);

        assertThat(index.moves()).isZero();
        assertThat(index.getCount()).isEqualTo(4);
    }

    @Test
    void aBucketIsPutInOrderByTheFirstQueryThatReadsItAndKeptInOrderAfter() {
        assertThat(index.bucketsInOrder()).isZero();

        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(1, 0);
        assertThat(index.bucketsInOrder()).isOne();

        index.add(document("d", "OPEN", NOON), 3, null);
        index.updateInPlace(document("b", "OPEN", NOON.plusSeconds(10)), document("b", "OPEN", NOON.plusSeconds(60)),
                1, null);
        index.add(document("e", "CLOSED", NOON.minusSeconds(5)), 4, null);
        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(3, 0, 1);
        assertThat(index.bucketsInOrder()).isOne();
        assertThat(index.getPositions(new Document("state", "CLOSED"))).containsExactly(4, 2);
        assertThat(index.bucketsInOrder()).isEqualTo(2);
        assertThat(index.getCount()).isEqualTo(5);
    }

    @Test
    void documentsRemovedBeforeTheBucketIsReadAreNotAmongItsCandidates() {
        index.remove(document("a", "OPEN", NOON.plusSeconds(30)));
        index.updateInPlace(document("c", "CLOSED", NOON), document("c", "OPEN", NOON.plusSeconds(20)), 2, null);

        assertThat(index.getPositions(new Document("state", "OPEN"))).containsExactly(1, 2);
        assertThat(index.getPositions(new Document("state", "CLOSED"))).isEmpty();
        assertThat(index.getCount()).isEqualTo(2);
    }

    private static Document document(String id, String state, Instant dueAt) {
        return new Document("_id", id).append("state", state).append("dueAt", dueAt);
    }
}
