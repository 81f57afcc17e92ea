package id.kotacerdas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.util.ArrayList;
import java.util.List;

/**
 * A collection's {@code update} command for a {@link TopLevelUpdate}, as the library runs it: the same documents in
 * the same order, the same index checks (a refused document stops the command there, the ones before it stay
 * updated), the same answer. An update that is not one of these, array filters, an oplog, an upsert that inserts or a
 * match the library must refuse itself answer {@code null} before anything changed: the caller lets the library run
 * it.
 */
final class UpdateShortcut {

    /** What the shortcut needs of a backend's collection; {@code store} writes the next version where it lives. */
    interface Target<P> extends MongoCollection<P> {

        String idField();

        /** The collection's own query (public here: the library's is protected). */
        QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                   Document fieldSelector);

        void store(P position, Document stored, Document next);
    }

    private UpdateShortcut() {
    }

    static <P> Document updateDocuments(Target<P> collection, Document selector, Document updateQuery,
                                        ArrayFilters arrayFilters, boolean many, boolean upsert, Oplog oplog) {
        List<Index<P>> indexes = collection.getIndexes();
        TopLevelUpdate update = arrayFilters.isEmpty() && oplog instanceof NoopOplog && !indexes.isEmpty()
                ? TopLevelUpdate.of(updateQuery, collection.idField(), many) : null;
        if (update == null) {
            return null;
        }
        List<Document> matched = new ArrayList<>();
        List<P> positions = new ArrayList<>();
        // the documents the selection matches, in the library's order; the first one only unless many
        for (Document document : collection.queryDocuments(selector, null, 0, many ? 0 : 1, 0, null)) {
            P position = positionOf(document, indexes);
            if (position == null || !update.appliesTo(document, collection.idField())) {
                return null;
            }
            matched.add(document);
            positions.add(position);
        }
        if (matched.isEmpty() && upsert) {
            return null;
        }
        List<Object> modifiedIds = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            Document document = matched.get(i);
            Document next = update.nextVersionOf(document, collection.idField());
            if (next == null) {
                continue;
            }
            boolean modifies = update.modifies(document, next);
            for (Index<P> index : indexes) {
                index.checkUpdate(document, next, collection);
            }
            for (Index<P> index : indexes) {
                index.updateInPlace(document, next, positions.get(i), collection);
            }
            collection.store(positions.get(i), document, next);
            if (modifies) {
                modifiedIds.add(document.get(collection.idField()));
            }
        }
        oplog.handleUpdate(collection.getFullName(), selector, updateQuery, modifiedIds);
        Document answer = new Document();
        answer.put("n", matched.size());
        answer.put("nModified", modifiedIds.size());
        return answer;
    }

    /** Where the document is stored, as its unique indexes know it; {@code null} when none does. */
    private static <P> P positionOf(Document document, List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            P position = index.getPosition(document);
            if (position != null) {
                return position;
            }
        }
        return null;
    }
}
