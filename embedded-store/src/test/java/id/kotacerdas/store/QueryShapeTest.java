package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryShapeTest {

    @Test
    void keepsFieldsAndOperatorsAndLeavesEveryValueOut() {
        Document query = new Document("$and", List.of(
                new Document("phone", "+6281234567890"),
                new Document("dueAt", new Document("$lte", Instant.parse("2026-12-05T12:00:00Z")))))
                .append("cells", new Document("$in", List.of("c-1", "c-2")));

        String shape = QueryShape.of(query);

        assertThat(shape).isEqualTo("{$and: [{phone: ?}, {dueAt: {$lte: ?}}], cells: {$in: ?}}");
        assertThat(shape).doesNotContain("6281", "c-1", "2026");
    }
}
