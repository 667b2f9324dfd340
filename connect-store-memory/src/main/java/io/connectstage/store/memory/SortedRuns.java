package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A concurrent sorted set of index entries kept as short immutable sorted runs (leaves of up to
 * {@link #MAX} entries, their prefixes side by side in one array), found by a binary search of
 * the leaves' bounds, themselves a sorted array with their prefixes side by side. Why: a skip list
 * of every entry compares through a node and an entry spread over the heap at each step (a cache
 * miss each); here a write reads two short arrays of longs, and touches an entry only where two
 * prefixes tie.
 *
 * <p>A leaf sits in a holder; a write copies the leaf with the entry added or removed and swaps
 * it in by compare-and-set, retrying on a race, so writers never lock and readers never wait: a
 * reader walks immutable leaves. A leaf that outgrows {@link #MAX} is first replaced by a frozen
 * copy holding the new entry; whoever meets a frozen leaf (its writer or any other) finishes the
 * split: adds the upper half's holder to the bounds (a new array, by compare-and-set, unless there
 * already), then swaps the lower half in. A leaf knows the next leaf's bound, so that a write or a
 * reader that found a leaf just before its split notices that the leaf now ends before its place
 * and looks again. Bounds are never removed (a leaf emptied by deletes stays, for later inserts of
 * its range); a reader skips an entry not past the last one it returned, as a frozen leaf and the
 * upper half it became may both come its way.
 */
final class SortedRuns {
    /** Entries per leaf before it splits. */
    static final int MAX = 32;

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

    /** Where the leaf of one bound is: swapped by compare-and-set. */
    private static final class Holder {
        private static final VarHandle LEAF;

        static {
            try {
                LEAF = MethodHandles.lookup().findVarHandle(Holder.class, "leaf", Leaf.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        volatile Leaf leaf;

        Holder(Leaf leaf) {
            this.leaf = leaf;
        }

        boolean swap(Leaf expected, Leaf next) {
            return LEAF.compareAndSet(this, expected, next);
        }
    }

    /**
     * The leaves' bounds in order, each with its prefixes and its holder; the first bound is
     * {@code null}, below every entry. Immutable; replaced whole by a split.
     */
    private static final class Bounds {
        final Entry[] bounds;
        final long[] prefixes;
        final Holder[] holders;

        Bounds(Entry[] bounds, long[] prefixes, Holder[] holders) {
            this.bounds = bounds;
            this.prefixes = prefixes;
            this.holders = holders;
        }
    }

    private static final VarHandle BOUNDS;

    static {
        try {
            BOUNDS = MethodHandles.lookup().findVarHandle(SortedRuns.class, "bounds", Bounds.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Comparator<Entry> order;
    private volatile Bounds bounds;

    SortedRuns(Comparator<Entry> order) {
        this.order = order;
        this.bounds = new Bounds(new Entry[] {null}, new long[2],
                new Holder[] {new Holder(new Leaf(new Entry[0], new long[0], null, false))});
    }

    Comparator<Entry> comparator() {
        return order;
    }

    /** Adds the entry unless an equal one is there; answers whether it did. */
    boolean add(Entry e) {
        for (;;) {
            Holder holder = holderOf(bounds, e);
            Leaf leaf = writable(holder, e);
            if (leaf == null) {
                continue;
            }
            int i = search(leaf.entries, leaf.prefixes, 0, leaf.entries.length - 1, e);
            if (i >= 0) {
                return false;
            }
            int to = -i - 1;
            Entry[] grown = inserted(leaf.entries, to, e);
            long[] prefixes = insertedPrefix(leaf.prefixes, to, e);
            if (grown.length <= MAX) {
                if (holder.swap(leaf, new Leaf(grown, prefixes, leaf.high, false))) {
                    return true;
                }
            } else {
                Leaf frozen = new Leaf(grown, prefixes, leaf.high, true);
                if (holder.swap(leaf, frozen)) {
                    split(holder, frozen);
                    return true;
                }
            }
        }
    }

    /** Finishes the split of a frozen leaf (any writer may run it; the first of each step wins). */
    private void split(Holder holder, Leaf frozen) {
        Entry[] all = frozen.entries;
        int half = all.length / 2;
        Entry bound = all[half];
        for (;;) {
            Bounds current = bounds;
            int at = search(current.bounds, current.prefixes, 1, current.bounds.length - 1, bound);
            if (at >= 0) {
                break; // another writer added it
            }
            int to = -at - 1;
            int n = current.bounds.length;
            Entry[] grownBounds = inserted(current.bounds, to, bound);
            long[] prefixes = insertedPrefix(current.prefixes, to, bound);
            Holder[] holders = new Holder[n + 1];
            System.arraycopy(current.holders, 0, holders, 0, to);
            holders[to] = new Holder(new Leaf(Arrays.copyOfRange(all, half, all.length),
                    Arrays.copyOfRange(frozen.prefixes, 2 * half, 2 * all.length), frozen.high, false));
            System.arraycopy(current.holders, to, holders, to + 1, n - to);
            if (BOUNDS.compareAndSet(this, current, new Bounds(grownBounds, prefixes, holders))) {
                break;
            }
        }
        holder.swap(frozen, new Leaf(Arrays.copyOfRange(all, 0, half), Arrays.copyOfRange(frozen.prefixes, 0, 2 * half),
                bound, false));
    }

    /** Removes the entry equal to this one; answers whether there was one. */
    boolean remove(Entry e) {
        for (;;) {
            Holder holder = holderOf(bounds, e);
            Leaf leaf = writable(holder, e);
            if (leaf == null) {
                continue;
            }
            int i = search(leaf.entries, leaf.prefixes, 0, leaf.entries.length - 1, e);
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
            if (holder.swap(leaf, new Leaf(shrunk, prefixes, leaf.high, false))) {
                return true;
            }
        }
    }

    /**
     * The leaf in {@code holder} when a write of {@code e} may copy it; {@code null} when the
     * writer must look its leaf up again: the leaf was frozen (this writer finished its split
     * first) or split after the look-up, so that {@code e} now belongs to a later leaf.
     */
    private Leaf writable(Holder holder, Entry e) {
        Leaf leaf = holder.leaf;
        if (leaf.frozen) {
            split(holder, leaf);
            return null;
        }
        if (leaf.high != null && order.compare(e, leaf.high) >= 0) {
            return null;
        }
        return leaf;
    }

    /** A copy of {@code entries} with {@code e} at {@code at}. */
    private static Entry[] inserted(Entry[] entries, int at, Entry e) {
        Entry[] grown = new Entry[entries.length + 1];
        System.arraycopy(entries, 0, grown, 0, at);
        grown[at] = e;
        System.arraycopy(entries, at, grown, at + 1, entries.length - at);
        return grown;
    }

    /** A copy of the prefixes (two longs per entry) with those of {@code e} at entry {@code at}. */
    private static long[] insertedPrefix(long[] prefixes, int at, Entry e) {
        long[] grown = new long[prefixes.length + 2];
        System.arraycopy(prefixes, 0, grown, 0, 2 * at);
        grown[2 * at] = e.high();
        grown[2 * at + 1] = e.low();
        System.arraycopy(prefixes, 2 * at, grown, 2 * at + 2, prefixes.length - 2 * at);
        return grown;
    }

    /** The holder of the leaf whose range holds {@code e}: the last bound not above it. */
    private Holder holderOf(Bounds b, Entry e) {
        return b.holders[floor(b, e)];
    }

    /** Index of the last bound not above {@code e} (0, the first bound, when all are above). */
    private int floor(Bounds b, Entry e) {
        int i = search(b.bounds, b.prefixes, 1, b.bounds.length - 1, e);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * Binary search of {@code entries[from..to]} with their prefixes: the prefixes first, the
     * entries only where they tie. As {@link Arrays#binarySearch}: the index, or
     * {@code -(insertion point) - 1}.
     */
    private int search(Entry[] entries, long[] prefixes, int from, int to, Entry e) {
        int lo = from;
        int hi = to;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(prefixes[2 * mid], e.high());
            if (c == 0) {
                c = Long.compareUnsigned(prefixes[2 * mid + 1], e.low());
            }
            if (c == 0) {
                c = order.compare(entries[mid], e);
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
        /** The leaf being walked and its bound ({@code null}: the first); {@code leaf == null}: no more. */
        private Leaf leaf;
        private Entry bound;
        private int at;
        private Entry last;
        private Entry next;

        Walk(boolean ascending) {
            this.ascending = ascending;
            for (;;) {
                Bounds b = bounds;
                int i = ascending ? 0 : b.bounds.length - 1;
                bound = b.bounds[i];
                leaf = b.holders[i].leaf;
                if (ascending || leaf.high == null) {
                    break; // else the last leaf split after the look-up
                }
            }
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
                Bounds b = bounds; // holds leaf.high: bounds stay, and a leaf names one only once it is in
                leaf = b.holders[floor(b, bound)].leaf;
                at = 0;
                return;
            }
            if (bound == null) {
                leaf = null;
                return;
            }
            for (;;) {
                Bounds b = bounds;
                int i = search(b.bounds, b.prefixes, 1, b.bounds.length - 1, bound) - 1; // bound is there
                Leaf candidate = b.holders[i].leaf;
                if (candidate.high != null && candidate.high != bound && order.compare(candidate.high, bound) < 0) {
                    continue; // split after the look-up: a leaf now lies between
                }
                bound = b.bounds[i];
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
