package id.kotacerdas.store;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an index's keys take in a document, exactly as mongo-java-server's {@code Index.getKeyValues} reads
 * them ({@code Utils.getSubdocumentValueCollectionAware}, then {@code Utils.normalizeValue}), but with each key's
 * path split once, when the index is made, instead of by a regular expression on every call, and without streams.
 * Keys whose path the library would refuse or treat specially (empty, a leading, trailing or doubled dot, a
 * {@code $} step) are not handled here: {@link #handled()} is false and the index leaves them to the library.
 */
final class KeyPaths {

    private final String[][] paths;

    KeyPaths(List<IndexKey> keys) {
        String[][] split = new String[keys.size()][];
        for (int i = 0; i < split.length; i++) {
            split[i] = split(keys.get(i).getKey());
            if (split[i] == null) {
                split = null;
                break;
            }
        }
        this.paths = split;
    }

    /** Whether {@link #raw} can read every key; when not, the index must use the library's own reading. */
    boolean handled() {
        return paths != null;
    }

    int size() {
        return paths.length;
    }

    /** The key's steps, or {@code null} when the library would refuse the path or treat a step specially. */
    static String[] split(String key) {
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            return null;
        }
        String[] steps = key.split("\\.", -1);
        for (String step : steps) {
            if (step.isEmpty() || step.equals("$")) {
                return null;
            }
        }
        return steps;
    }

    /**
     * Each key's value in {@code document}, not normalized: {@link Missing} where it has none, a list of the values
     * found when the path crosses an array of documents (as {@code Utils.getSubdocumentValueCollectionAware}).
     */
    Object[] raw(Document document) {
        Object[] values = new Object[paths.length];
        for (int i = 0; i < paths.length; i++) {
            values[i] = valueAt(document, paths[i], 0);
        }
        return values;
    }

    /** The value at {@code path[step..]} below {@code document}, as the library's collection-aware reading. */
    static Object valueAt(Document document, String[] path, int step) {
        Object value = document.getOrMissing(path[step]);
        if (step == path.length - 1) {
            return value;
        }
        if (value instanceof Document nested) {
            return valueAt(nested, path, step + 1);
        }
        if (value instanceof Collection<?> elements) {
            List<Object> found = new ArrayList<>();
            for (Object element : elements) {
                if (element instanceof Document nested) {
                    Object below = valueAt(nested, path, step + 1);
                    if (below instanceof Collection<?> several) {
                        found.addAll(several);
                    } else {
                        found.add(below);
                    }
                } else {
                    found.add(Missing.getInstance());
                }
            }
            return found;
        }
        return Missing.getInstance();
    }

    static boolean anyCollection(Object[] values) {
        for (Object value : values) {
            if (value instanceof Collection<?>) {
                return true;
            }
        }
        return false;
    }

    /** The key of a document without arrays on the index's paths, normalized (what the index stores). */
    static KeyValue normalizedKey(Object[] raw) {
        Object[] normalized = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            normalized[i] = normalize(raw[i]);
        }
        return new KeyValue(normalized);
    }

    /** The key values of one key: one per element when its value is an array (none for an empty array). */
    static Set<KeyValue> singleKeyValues(Object raw) {
        Object value = normalize(raw);
        if (value instanceof Collection<?> elements) {
            Set<KeyValue> keys = new LinkedHashSet<>();
            for (Object element : elements) {
                keys.add(new KeyValue(new Object[]{element}));
            }
            return keys;
        }
        return Set.of(new KeyValue(new Object[]{value}));
    }

    /** {@code Utils.normalizeValue} (package-private there): numbers compare as doubles, missing as null. */
    static Object normalize(Object value) {
        if (value == null || value instanceof Missing) {
            return null;
        }
        if (value instanceof Long number && number.longValue() != (long) number.doubleValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double doubleValue = number.doubleValue();
            if (doubleValue == -0.0) {
                doubleValue = 0.0;
            }
            return Double.valueOf(doubleValue);
        }
        if (value instanceof Map<?, ?> map) {
            Document result = new Document();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put((String) entry.getKey(), normalize(entry.getValue()));
            }
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ArrayList<>(collection.size());
            for (Object element : collection) {
                result.add(normalize(element));
            }
            return result;
        }
        return value;
    }
}
