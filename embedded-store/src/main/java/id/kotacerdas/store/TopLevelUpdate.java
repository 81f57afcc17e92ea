package id.kotacerdas.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An update that changes top-level fields only ({@code $set}, {@code $unset}, {@code $push} of one value or
 * {@code $each}, {@code $addToSet} likewise) or replaces the whole document, applied the way mongo-java-server applies
 * it but without its whole-document work (the library deep-clones the stored document, deep-clones it again into the
 * new version, compares the two whole, normalizes both whole to count {@code nModified} and matches the filter again
 * for positional paths). For these updates none of that changes the outcome; a shallow next version carries the same
 * answer. Everything else — dotted or positional paths, other operators, {@code $push} with {@code $slice},
 * {@code $sort} or {@code $position}, two operators on one field, {@code _id}, an empty update — is not one of these:
 * {@link #of} answers {@code null} and the library applies it.
 */
final class TopLevelUpdate {

    private enum Kind {
        SET, UNSET, PUSH, ADD_TO_SET;

        /** Adds values to an array. */
        boolean adds() {
            return this == PUSH || this == ADD_TO_SET;
        }
    }

    /** One operator on one field; for {@code PUSH} and {@code ADD_TO_SET} the value is the list of values to add. */
    private record Change(Kind kind, String field, Object value) {
    }

    private final List<Change> changes;
    private final Document replacement;

    private TopLevelUpdate(List<Change> changes, Document replacement) {
        this.changes = changes;
        this.replacement = replacement;
    }

    /** The update as one of these; {@code null} when the library must apply it (a replacement of many: its error). */
    static TopLevelUpdate of(Document update, String idField, boolean many) {
        if (update.isEmpty() || idField == null) {
            return null;
        }
        boolean operators = update.keySet().iterator().next().startsWith("$");
        if (!operators) {
            if (many) {
                return null;
            }
            for (String key : update.keySet()) {
                if (!isPlainField(key)) {
                    return null;
                }
            }
            return new TopLevelUpdate(List.of(), update);
        }
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Kind kind = switch (operator.getKey()) {
                case "$set" -> Kind.SET;
                case "$unset" -> Kind.UNSET;
                case "$push" -> Kind.PUSH;
                case "$addToSet" -> Kind.ADD_TO_SET;
                default -> null;
            };
            if (kind == null || !(operator.getValue() instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String key = field.getKey();
                if (!isPlainField(key) || key.equals(idField) || !seen.add(key)) {
                    return null;
                }
                Object value = kind.adds() ? valuesToAdd(field.getValue()) : field.getValue();
                if (value == null) {
                    return null;
                }
                changes.add(new Change(kind, key, value));
            }
        }
        return new TopLevelUpdate(changes, null);
    }

    /**
     * Whether the library would apply this update to the document as this class does: a replacement names the stored
     * document's {@code _id} only as it is (changing it is the library's error), a {@code $push} or {@code $addToSet}
     * finds an array, nothing or null (anything else is its error).
     */
    boolean appliesTo(Document stored, String idField) {
        if (replacement != null) {
            return !replacement.containsKey(idField) || Objects.equals(replacement.get(idField), stored.get(idField));
        }
        for (Change change : changes) {
            Object current = stored.get(change.field());
            if (change.kind().adds() && !(Missing.isNullOrMissing(current) || current instanceof List<?>)) {
                return false;
            }
        }
        return true;
    }

    /** The stored document's next version, or {@code null} when the library would leave it as it is. */
    Document nextVersionOf(Document stored, String idField) {
        if (replacement != null) {
            Document next = new Document(idField, stored.get(idField));
            next.putAll(replacement);
            return next.equals(stored) ? null : next;
        }
        Document next = null;
        for (Change change : changes) {
            String field = change.field();
            Object old = stored.getOrMissing(field);
            Object value = change.value();
            switch (change.kind()) {
                case SET -> {
                    // the library's $set: a value equal to the stored one (1 and 1.0 alike) keeps the stored one
                    if (nullAwareEquals(value, old) && !(old instanceof Missing && !(value instanceof Missing))) {
                        continue;
                    }
                }
                case UNSET -> {
                    if (old instanceof Missing) {
                        continue;
                    }
                }
                case PUSH, ADD_TO_SET -> {
                    List<Object> values = old instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
                    for (Object added : (List<?>) value) {
                        if (change.kind() == Kind.PUSH || !values.contains(added)) {
                            values.add(added);
                        }
                    }
                    if (values.equals(old)) {
                        continue;
                    }
                    value = values;
                }
            }
            next = next != null ? next : new Document(stored);
            if (change.kind() == Kind.UNSET) {
                next.remove(field);
            } else {
                next.put(field, value);
            }
        }
        return next;
    }

    /**
     * Whether the library would count the change in {@code nModified}: it compares the stored version with the one
     * {@link #adopt} leaves, numbers and nulls normalized. An operator that changes anything always counts (a
     * {@code $set} to an equal value changes nothing, a {@code $push} or {@code $addToSet} only lengthens); a
     * replacement may differ only in the types of equal numbers or in the order of fields.
     */
    boolean modifies(Document stored, Document next) {
        if (replacement == null) {
            return true;
        }
        if (stored.size() != next.size()) {
            return true;
        }
        for (Map.Entry<String, Object> field : stored.entrySet()) {
            if (!next.containsKey(field.getKey())) {
                return true;
            }
            Object value = next.get(field.getKey());
            if (!Objects.equals(field.getValue(), value) && !nullAwareEquals(field.getValue(), value)) {
                return true;
            }
        }
        return false;
    }

    /** The library's last step: fields the next version lacks are removed, the others put (kept in their place). */
    static void adopt(Document stored, Document next) {
        stored.keySet().removeIf(key -> !next.containsKey(key));
        stored.putAll(next);
    }

    /** A field name the library takes as one top-level field, with no operator or array filter in it. */
    private static boolean isPlainField(String key) {
        return !key.isEmpty() && key.indexOf('$') < 0 && key.indexOf('.') < 0;
    }

    /**
     * What a {@code $push} or {@code $addToSet} adds: one value, or the list of {@code {$each: [...]}}; {@code null}
     * for its other modifiers ({@code $slice}, {@code $sort}, {@code $position}) or anything else with an operator.
     */
    private static List<?> valuesToAdd(Object value) {
        if (!(value instanceof Document document)) {
            return Collections.singletonList(value);
        }
        if (document.size() == 1 && document.get("$each") instanceof List<?> each) {
            return each;
        }
        for (String key : document.keySet()) {
            if (key.startsWith("$")) {
                return null;
            }
        }
        return List.of(document);
    }

    /** {@code Utils.nullAwareEquals} of mongo-java-server 1.47.0 (package-private there). */
    static boolean nullAwareEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (Missing.isNullOrMissing(a) || Missing.isNullOrMissing(b)) {
            return Missing.isNullOrMissing(a) && Missing.isNullOrMissing(b);
        }
        return Objects.equals(KeyPaths.normalize(a), KeyPaths.normalize(b));
    }
}
