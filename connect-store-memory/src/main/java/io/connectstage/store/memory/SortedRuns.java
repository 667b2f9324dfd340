package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A concurrent sorted set of index entries kept as short immutable sorted runs (leaves of up to
 * {@link #MAX} entries, with their prefixes side by side in one array), found through a skip list
 * of a few hundred leaf bounds. Why: a skip list of every entry compares through a node and an
 * entry spread over the heap at each step (cache misses); here the walk is through the few
 * bounds, which stay in cache, and a binary search over one leaf's contiguous prefixes.
 *
 * <p>A write copies its leaf with the entry added or removed and swaps it in by compare-and-set
 * on the leaf's bound, retrying on a race, so writers never lock and readers never wait: a reader
 * walks immutable leaves. A leaf that outgrows {@link #MAX} is first replaced by a frozen copy
 * holding the new entry; whoever meets a frozen leaf (its writer or any other) finishes the split:
 * adds the upper half under its first entry, if absent, then swaps the lower half in. A leaf knows
 * the bound of the next, so that a write or a reader that looked a leaf up just before a split
 * notices the leaf ends before its place and looks again. Bounds are never removed (a leaf emptied
 * by deletes stays, for later inserts of its range); a reader skips an entry not past the last one
 * it returned, as a frozen leaf and the upper half it became may both come its way.
 */
final class SortedRuns {
    /** Entries per leaf before it splits. */
    static final int MAX = 64;

    /** The bound of the first leaf, below every entry. */
    private static final Entry LOW = new Entry(0, 0, false, null, null);

    /** An immutable sorted run; {@code high} is the next leaf's bound ({@code null}: the last). */
    private static final class Leaf {
        final Entry[] entries;
        /** High then low prefix of each entry. */
        final long[] prefixes;
        final Entry high;
        final boolean frozen;

        Leaf(Entry[] entries, long[] prefixes, Entry high, boolean frozen) {
            this.entries = entries;
            this.prefixes = prefixes;
            this.high = high;
            this.frozen = frozen;
        }
    }

    private final Comparator<Entry> order;
    private final ConcurrentSkipListMap<Entry, Leaf> leaves;

    SortedRuns(Comparator<Entry> order) {
        this.order = order;
        this.leaves = new ConcurrentSkipListMap<>((a, b) -> a == b ? 0 : a == LOW ? -1 : b == LOW ? 1 : order.compare(a, b));
        leaves.put(LOW, new Leaf(new Entry[0], new long[0], null, false));
    }

    Comparator<Entry> comparator() {
        return order;
    }

    /** Adds the entry unless an equal one is there; answers whether it did. */
    boolean add(Entry e) {
        for (;;) {
            Map.Entry<Entry, Leaf> at = leaves.floorEntry(e);
            Leaf leaf = at.getValue();
            if (leaf.frozen) {
                split(at.getKey(), leaf);
                continue;
            }
            if (leaf.high != null && order.compare(e, leaf.high) >= 0) {
                continue; // split after the look-up: e belongs to a later leaf now
            }
            int i = search(leaf, e);
            if (i >= 0) {
                return false;
            }
            int to = -i - 1;
            int n = leaf.entries.length;
            Entry[] grown = new Entry[n + 1];
            System.arraycopy(leaf.entries, 0, grown, 0, to);
            grown[to] = e;
            System.arraycopy(leaf.entries, to, grown, to + 1, n - to);
            long[] prefixes = new long[2 * (n + 1)];
            System.arraycopy(leaf.prefixes, 0, prefixes, 0, 2 * to);
            prefixes[2 * to] = e.high();
            prefixes[2 * to + 1] = e.low();
            System.arraycopy(leaf.prefixes, 2 * to, prefixes, 2 * to + 2, 2 * (n - to));
            if (grown.length <= MAX) {
                if (leaves.replace(at.getKey(), leaf, new Leaf(grown, prefixes, leaf.high, false))) {
                    return true;
                }
            } else {
                Leaf frozen = new Leaf(grown, prefixes, leaf.high, true);
                if (leaves.replace(at.getKey(), leaf, frozen)) {
                    split(at.getKey(), frozen);
                    return true;
                }
            }
        }
    }

    /** Finishes the split of a frozen leaf (idempotent: any writer may run it, one swap wins). */
    private void split(Entry bound, Leaf frozen) {
        Entry[] all = frozen.entries;
        int half = all.length / 2;
        Entry[] lower = Arrays.copyOfRange(all, 0, half);
        Entry[] upper = Arrays.copyOfRange(all, half, all.length);
        leaves.putIfAbsent(upper[0], new Leaf(upper, Arrays.copyOfRange(frozen.prefixes, 2 * half, 2 * all.length),
                frozen.high, false));
        leaves.replace(bound, frozen, new Leaf(lower, Arrays.copyOfRange(frozen.prefixes, 0, 2 * half), upper[0], false));
    }

    /** Removes the entry equal to this one; answers whether there was one. */
    boolean remove(Entry e) {
        for (;;) {
            Map.Entry<Entry, Leaf> at = leaves.floorEntry(e);
            Leaf leaf = at.getValue();
            if (leaf.frozen) {
                split(at.getKey(), leaf);
                continue;
            }
            if (leaf.high != null && order.compare(e, leaf.high) >= 0) {
                continue;
            }
            int i = search(leaf, e);
            if (i < 0) {
                return false;
            }
            int n = leaf.entries.length;
            Entry[] shrunk = new Entry[n - 1];
            System.arraycopy(leaf.entries, 0, shrunk, 0, i);
            System.arraycopy(leaf.entries, i + 1, shrunk, i, n - i - 1);
            long[] prefixes = new long[2 * (n - 1)];
            System.arraycopy(leaf.prefixes, 0, prefixes, 0, 2 * i);
            System.arraycopy(leaf.prefixes, 2 * i + 2, prefixes, 2 * i, 2 * (n - i - 1));
            if (leaves.replace(at.getKey(), leaf, new Leaf(shrunk, prefixes, leaf.high, false))) {
                return true;
            }
        }
    }

    /** Binary search of the leaf: its prefixes first, the entries only where they tie. */
    private int search(Leaf leaf, Entry e) {
        long[] prefixes = leaf.prefixes;
        int lo = 0;
        int hi = leaf.entries.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(prefixes[2 * mid], e.high());
            if (c == 0) {
                c = Long.compareUnsigned(prefixes[2 * mid + 1], e.low());
            }
            if (c == 0 || leaf.entries[mid].value() == null || e.value() == null) {
                c = order.compare(leaf.entries[mid], e); // tie, or a null value (its prefix says nothing)
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The entries in order, or in reverse; weakly consistent, as a concurrent skip list's. */
    Iterator<Entry> iterator(boolean ascending) {
        return new Walk(ascending);
    }

    private final class Walk implements Iterator<Entry> {
        private final boolean ascending;
        /** The leaf being walked and its bound; {@code null}: no more. */
        private Leaf leaf;
        private Entry bound;
        private int at;
        private Entry last;
        private Entry next;

        Walk(boolean ascending) {
            this.ascending = ascending;
            Map.Entry<Entry, Leaf> first = ascending ? leaves.firstEntry() : leaves.lastEntry();
            while (!ascending && first.getValue().high != null) {
                first = leaves.lastEntry(); // the last leaf split after the look-up
            }
            bound = first.getKey();
            leaf = first.getValue();
            at = ascending ? 0 : leaf.entries.length - 1;
            advance();
        }

        private void advance() {
            next = null;
            while (leaf != null) {
                Entry[] entries = leaf.entries;
                while (ascending ? at < entries.length : at >= 0) {
                    Entry e = entries[ascending ? at++ : at--];
                    if (last == null || (ascending ? order.compare(e, last) > 0 : order.compare(e, last) < 0)) {
                        next = e;
                        last = e;
                        return;
                    }
                }
                step();
            }
        }

        /** To the next leaf in the walk's direction. */
        private void step() {
            if (ascending) {
                if (leaf.high == null) {
                    leaf = null;
                    return;
                }
                bound = leaf.high;
                leaf = leaves.get(bound); // bounds stay, so the next leaf's bound is there
                at = 0;
                return;
            }
            if (bound == LOW) {
                leaf = null;
                return;
            }
            for (;;) {
                Map.Entry<Entry, Leaf> below = leaves.lowerEntry(bound);
                Leaf candidate = below.getValue();
                if (candidate.high != null && candidate.high != bound && order.compare(candidate.high, bound) < 0) {
                    continue; // split after the look-up: a leaf now lies between
                }
                bound = below.getKey();
                leaf = candidate;
                at = leaf.entries.length - 1;
                return;
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry next() {
            Entry e = next;
            if (e == null) {
                throw new NoSuchElementException();
            }
            advance();
            return e;
        }
    }
}
