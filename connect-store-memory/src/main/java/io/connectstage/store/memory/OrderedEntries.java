package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.util.Comparator;
import java.util.Iterator;

/**
 * A concurrent sorted set of index entries, as {@link SortedIndexes} keeps one per slot: writers
 * never wait for readers, and a walk is weakly consistent (it sees each entry present throughout
 * it, in order). Two structures do it ({@link IndexStructure}); the store's contract and the
 * history check run against both.
 */
interface OrderedEntries {

    /** The order of the entries. */
    Comparator<Entry> comparator();

    /** Adds the entry unless an equal one is there; answers whether it did. */
    boolean add(Entry e);

    /**
     * Adds the entry for a writer that knows that no equal one is there but for a rare race; a
     * structure may skip looking for one (then a walk and a remove take equal entries as one).
     */
    void put(Entry e);

    /** Removes the entry equal to this one; answers whether there was one. */
    boolean remove(Entry e);

    /** Readies an index just built by adds for the walks of queries; may do nothing. */
    void compact();

    /** The entries in order, or in reverse; weakly consistent. */
    Iterator<Entry> iterator(boolean ascending);
}
