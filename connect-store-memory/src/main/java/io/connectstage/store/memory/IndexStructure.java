package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which structure holds the memory store's indexes: {@link SortedRuns} (hand-written, lock-free,
 * the default) or the JDK's concurrent skip list ({@link SkipListEntries}). Both stay until a
 * benchmark run on a quiet machine decides between them (connect-bench's {@code StoreBenchmark}
 * takes both as a parameter); the system property {@value #PROPERTY} ({@code sortedRuns} or
 * {@code skipList}) picks one for the stores made with {@code new InMemoryConnectorStore()}.
 */
enum IndexStructure {
    SORTED_RUNS {
        @Override
        OrderedEntries make(Comparator<Entry> order) {
            return new SortedRuns(order);
        }
    },
    SKIP_LIST {
        @Override
        OrderedEntries make(Comparator<Entry> order) {
            return new SkipListEntries(order);
        }
    };

    static final String PROPERTY = "connectstage.memory.index";

    abstract OrderedEntries make(Comparator<Entry> order);

    /** The structure the system property names; sorted runs when it names none. */
    static IndexStructure chosen() {
        String name = System.getProperty(PROPERTY, "sortedRuns");
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sortedruns":
                return SORTED_RUNS;
            case "skiplist":
                return SKIP_LIST;
            default:
                throw new IllegalArgumentException(PROPERTY + " must be sortedRuns or skipList, got " + name);
        }
    }
}
