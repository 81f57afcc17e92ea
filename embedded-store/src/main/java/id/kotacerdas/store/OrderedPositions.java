package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Candidates from one bucket of an {@link EqualityIndex}: in the order of the index's second key (as the sort compares
 * it), then {@code _id}. A sort on that key (ascending, optionally then {@code _id}) keeps them in this order, so
 * the first matches are the first of the sorted answer.
 */
final class OrderedPositions<P> implements Iterable<P> {

    private static final String ID = "_id";

    private final Iterable<P> positions;
    private final String key;
    private final boolean ordered;

    /**
     * @param key     the key the positions are ordered by before {@code _id}; {@code null}: by {@code _id} alone
     * @param ordered false when no sort can rely on the order
     */
    OrderedPositions(Iterable<P> positions, String key, boolean ordered) {
        this.positions = positions;
        this.key = key;
        this.ordered = ordered;
    }

    @Override
    public Iterator<P> iterator() {
        return positions.iterator();
    }

    /** Whether sorting these positions by {@code orderBy} (a stable sort) leaves them in their order. */
    boolean sortedAs(Document orderBy) {
        if (!ordered || orderBy == null) {
            return false;
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (!(sort.getValue() instanceof Number direction) || direction.intValue() <= 0) {
                return false;
            }
            keys.add(sort.getKey());
        }
        return key == null ? keys.equals(List.of(ID)) : keys.equals(List.of(key)) || keys.equals(List.of(key, ID));
    }
}
