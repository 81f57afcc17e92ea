package id.kotacerdas.store;

import java.util.concurrent.atomic.LongAdder;

/** How many documents the store's queries examined, like MongoDB's {@code totalDocsExamined}; shared by a backend. */
public final class QueryWork {

    private final LongAdder documentsExamined = new LongAdder();

    void examined() {
        documentsExamined.increment();
    }

    public long documentsExamined() {
        return documentsExamined.sum();
    }
}
