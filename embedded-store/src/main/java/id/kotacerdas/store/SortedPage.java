package id.kotacerdas.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The documents a sorted query with a limit can answer, found without sorting every match. The library sorts all
 * matches and then skips and limits: a due-work query ({@code {state: QUEUED, dueAt: {$lte: now}}} sorted by
 * {@code dueAt}, limit 500) over a backlog of 20,000 sorted 20,000 documents each time, and that sort was three
 * quarters of the store's work under load. Here the first {@code wanted} matches in sort order are kept in a bounded
 * heap: most matches cost one comparison with the heap's worst. Ties go to the earlier candidate, as in the library's
 * stable sort, and the positions come back in candidate order, so sorting them gives exactly the library's page.
 * Candidates that an index gives in the sort's order ({@link OrderedPositions}) are read only up to the last match
 * the page needs.
 */
final class SortedPage {

    private SortedPage() {
    }

    static <P> List<P> candidatesOf(Iterable<P> candidates, Function<P, Document> documents,
                                    Predicate<Document> matches, Document orderBy, Comparator<Document> order,
                                    long wanted) {
        if (candidates instanceof OrderedPositions<P> ordered && ordered.sortedAs(orderBy)) {
            List<P> first = new ArrayList<>();
            for (Iterator<P> it = ordered.iterator(); first.size() < wanted && it.hasNext(); ) {
                P position = it.next();
                if (matches.test(documents.apply(position))) {
                    first.add(position);
                }
            }
            return first;
        }
        Comparator<Ranked<P>> rank = Comparator.<Ranked<P>, Document>comparing(Ranked::document, order)
                .thenComparingLong(Ranked::sequence);
        PriorityQueue<Ranked<P>> worstFirst = new PriorityQueue<>((int) Math.min(wanted, 1024) + 1, rank.reversed());
        long sequence = 0;
        for (P position : candidates) {
            Document document = documents.apply(position);
            if (!matches.test(document)) {
                continue;
            }
            Ranked<P> ranked = new Ranked<>(position, document, sequence++);
            if (worstFirst.size() < wanted) {
                worstFirst.add(ranked);
            } else if (rank.compare(ranked, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(ranked);
            }
        }
        return worstFirst.stream().sorted(Comparator.comparingLong(Ranked::sequence)).map(Ranked::position).toList();
    }

    private record Ranked<P>(P position, Document document, long sequence) {
    }
}
