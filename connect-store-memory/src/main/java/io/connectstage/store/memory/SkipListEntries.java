package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The index entries in the JDK's concurrent skip list: the simple alternative to
 * {@link SortedRuns}, kept side by side with it so that one benchmark run can weigh the two
 * ({@link IndexStructure}).
 */
final class SkipListEntries implements OrderedEntries {
    private final Comparator<Entry> order;
    private final ConcurrentSkipListSet<Entry> entries;

    SkipListEntries(Comparator<Entry> order) {
        this.order = order;
        this.entries = new ConcurrentSkipListSet<>(order);
    }

    @Override
    public Comparator<Entry> comparator() {
        return order;
    }

    @Override
    public boolean add(Entry e) {
        return entries.add(e);
    }

    @Override
    public void put(Entry e) {
        entries.add(e);
    }

    @Override
    public boolean remove(Entry e) {
        return entries.remove(e);
    }

    @Override
    public void compact() {
        // a skip list is ready as it is
    }

    @Override
    public Iterator<Entry> iterator(boolean ascending) {
        return ascending ? entries.iterator() : entries.descendingIterator();
    }
}
