package id.kotacerdas.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Open311 answer in a shape that both formats are written from, so JSON and XML always carry the same
 * fields: an object becomes a JSON object or a sequence of child elements, a list a JSON array or repeated
 * {@code itemName} elements, a value a JSON scalar or element text.
 */
sealed interface Open311Node {

    /** Fields in the order the spec lists them; a null value is written as JSON null or an empty element. */
    record Fields(Map<String, Open311Node> fields) implements Open311Node {

        static Builder builder() {
            return new Builder();
        }
    }

    record Items(String itemName, List<Open311Node> items) implements Open311Node {
    }

    record Value(Object value) implements Open311Node {
    }

    static Value value(Object value) {
        return new Value(value);
    }

    static Items items(String itemName, List<? extends Open311Node> items) {
        return new Items(itemName, List.copyOf(items));
    }

    final class Builder {

        private final Map<String, Open311Node> fields = new LinkedHashMap<>();

        Builder put(String name, Object value) {
            fields.put(name, value instanceof Open311Node node ? node : new Value(value));
            return this;
        }

        Fields build() {
            return new Fields(fields);
        }
    }
}
