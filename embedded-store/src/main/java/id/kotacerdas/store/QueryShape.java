package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A query with its values left out, as MongoDB's query shapes: field names and operators only, so a log may show it
 * (values may be personal data). {@code {status: "OPEN", dueAt: {$lte: t}}} reads {@code {status: ?, dueAt: {$lte: ?}}}.
 */
final class QueryShape {

    private QueryShape() {
    }

    static String of(Document query) {
        return shape(query);
    }

    private static String shape(Object value) {
        if (value instanceof Map<?, ?> document) {
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            document.forEach((key, nested) -> fields.add(key + ": " + shape(nested)));
            return fields.toString();
        }
        if (value instanceof Collection<?> values && values.stream().anyMatch(Map.class::isInstance)) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            values.forEach(element -> elements.add(shape(element)));
            return elements.toString();
        }
        return "?";
    }
}
