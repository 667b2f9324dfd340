package io.connectstage.store.memory;

import io.connectstage.store.memory.SortedIndexes.Entry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A concurrent sorted set of index entries kept as short sorted runs (leaves of up to
 * {@link #MAX} entries, their prefixes side by side in one array), found by a binary search of
 * the leaves' bounds, themselves a sorted array with their prefixes side by side. Why: a skip list
 * of every entry compares through a node and an entry spread over the heap at each step (a cache
 * miss each); here a write reads two short arrays of longs, and touches an entry only where two
 * prefixes tie.
 *
 * <p>A leaf's run is immutable; beside it a leaf has {@link #EXTRA} slots that an add fills, in
 * order, by compare-and-set, so that most adds copy nothing (copying the run and its prefixes on
 * every add was most of an insert's cost). A reader takes a leaf's run and its filled slots (sorted
 * into it) as the leaf. A change that the slots cannot take (an add to a leaf whose slots are full,
 * a remove) is written into the first free slot as a {@link Rewrite}: from then on the leaf is
 * frozen (no slot fills after it), and whoever meets the rewrite (its writer or any other) finishes
 * it: makes the leaf's next run from the run, the slots and the change, and swaps it in by
 * compare-and-set in the leaf's holder; when the run outgrows {@link #MAX}, it first adds the upper
 * half's holder to the bounds (a new array, by compare-and-set, unless there already), then swaps
 * the lower half in. So writers never lock and readers never wait: a reader walks leaves that only
 * ever gain filled slots. A leaf knows the next leaf's bound, so that a write or a reader that
 * found a leaf just before its split notices that the leaf now ends before its place and looks
 * again. Bounds are never removed (a leaf emptied by deletes stays, for later inserts of its
 * range); a reader skips an entry not past the last one it returned, as a frozen leaf and the
 * upper half it became may both come its way.
 */
final class SortedRuns {
    /** Entries of a leaf's run before it splits. */
    static final int MAX = 32;
    /** Slots a leaf fills with adds before it is rewritten. */
    static final int EXTRA = 8;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    /**
     * The change that replaces a leaf, left in its first free slot for any writer to finish; a
     * rewrite of no entry only sorts the slots into the run ({@link #compact}).
     */
    private static final class Rewrite {
        final Entry entry;
        final boolean adding;

        Rewrite(Entry entry, boolean adding) {
            this.entry = entry;
            this.adding = adding;
        }
    }

    /** A sorted run, its slots; {@code high} is the next leaf's bound ({@code null}: the last). */
    private static final class Leaf {
        final Entry[] entries;
        /** High then low prefix of each entry. */
        final long[] prefixes;
        final Entry high;
        /** The prefixes of {@code high}, so that a write checks its place without reading that entry. */
        final long highHigh;
        final long highLow;
        /**
         * Entries added since the run was made, in the order they came, then nulls; or a
         * {@link Rewrite} after them. Slot {@link #EXTRA} only ever holds a rewrite.
         */
        final Object[] extra = new Object[EXTRA + 1];

        Leaf(Entry[] entries, Entry high) {
            this.entries = entries;
            this.prefixes = new long[2 * entries.length];
            for (int i = 0; i < entries.length; i++) {
                prefixes[2 * i] = entries[i].high();
                prefixes[2 * i + 1] = entries[i].low();
            }
            this.high = high;
            this.highHigh = high == null ? 0 : high.high();
            this.highLow = high == null ? 0 : high.low();
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
        /**
         * The prefixes of every {@link #STRIDE}th bound: a search goes through this short array
         * (whose few lines the writes of an index keep in the cache) to a stride of the long one,
         * instead of missing the cache at each of its last steps through the long one.
         */
        final long[] top;

        Bounds(Entry[] bounds, long[] prefixes, Holder[] holders) {
            this.bounds = bounds;
            this.prefixes = prefixes;
            this.holders = holders;
            this.top = new long[2 * ((bounds.length + STRIDE - 1) / STRIDE)];
            for (int k = 0; 2 * k < top.length; k++) {
                top[2 * k] = prefixes[2 * k * STRIDE];
                top[2 * k + 1] = prefixes[2 * k * STRIDE + 1];
            }
        }
    }

    /** Bounds per step of {@link Bounds#top}. */
    private static final int STRIDE = 8;

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
        this.bounds = new Bounds(new Entry[] {null}, new long[2], new Holder[] {new Holder(new Leaf(new Entry[0], null))});
    }

    /** The order of the entries. */
    Comparator<Entry> comparator() {
        return order;
    }

    /** Adds the entry unless an equal one is there; answers whether it did. */
    boolean add(Entry e) {
        for (;;) {
            Holder holder = holderOf(e);
            Leaf leaf = holder.leaf;
            int free = covers(leaf, e) ? freeSlot(holder, leaf) : -1;
            if (free < 0) {
                continue;
            }
            // the slots before this one were all seen: an equal entry in a later one would see this
            if (holds(leaf, free, e)) {
                return false;
            }
            if (filled(holder, leaf, free, e)) {
                return true;
            }
        }
    }

    /**
     * Adds the entry without looking for an equal one, for a writer that knows that none is there
     * but for a rare race (an index's writes; the scan that builds it uses {@link #add}): it skips
     * the searches of the run and the slots, and a walk, a rewrite and a remove take equal entries
     * as one.
     */
    void put(Entry e) {
        for (;;) {
            Holder holder = holderOf(e);
            Leaf leaf = holder.leaf;
            int free = covers(leaf, e) ? freeSlot(holder, leaf) : -1;
            if (free >= 0 && filled(holder, leaf, free, e)) {
                return;
            }
        }
    }

    /**
     * Rewrites every leaf whose slots hold entries, so that a reader takes its run as it is instead
     * of sorting the slots into it: for an index just built by adds, before queries walk it.
     */
    void compact() {
        for (Holder holder : bounds.holders) {
            for (;;) {
                Leaf leaf = holder.leaf;
                int free = freeSlot(holder, leaf);
                if (free == 0 || (free > 0 && rewritten(holder, leaf, free, new Rewrite(null, false)))) {
                    break;
                }
            }
        }
    }

    /** Removes the entry equal to this one; answers whether there was one. */
    boolean remove(Entry e) {
        for (;;) {
            Holder holder = holderOf(e);
            Leaf leaf = holder.leaf;
            int free = covers(leaf, e) ? freeSlot(holder, leaf) : -1;
            if (free < 0) {
                continue;
            }
            if (!holds(leaf, free, e)) {
                return false;
            }
            if (rewritten(holder, leaf, free, new Rewrite(e, false))) {
                return true;
            }
        }
    }

    /**
     * The leaf's first slot that holds no entry (at most {@link #EXTRA}); or -1 when that slot holds
     * the rewrite that froze the leaf, which this call then finished: the caller looks again.
     */
    private int freeSlot(Holder holder, Leaf leaf) {
        Object[] extra = leaf.extra;
        int at = 0;
        Object slot = SLOT.getAcquire(extra, 0);
        while (at < EXTRA && slot != null && !(slot instanceof Rewrite)) {
            slot = SLOT.getAcquire(extra, ++at);
        }
        if (slot instanceof Rewrite) {
            finish(holder, leaf, at);
            return -1;
        }
        return at;
    }

    /** Whether the leaf's run or its first {@code filled} slots hold an entry equal to {@code e}. */
    private boolean holds(Leaf leaf, int filled, Entry e) {
        for (int i = 0; i < filled; i++) {
            if (order.compare((Entry) SLOT.getAcquire(leaf.extra, i), e) == 0) {
                return true;
            }
        }
        return search(leaf.entries, leaf.prefixes, 0, leaf.entries.length - 1, e) >= 0;
    }

    /**
     * Puts {@code e} in the free slot {@code at}, or, when the leaf has no free slot left, leaves its
     * addition there as a rewrite and finishes it; false when another writer took the slot first.
     */
    private boolean filled(Holder holder, Leaf leaf, int at, Entry e) {
        return at < EXTRA ? SLOT.compareAndSet(leaf.extra, at, null, e) : rewritten(holder, leaf, at, new Rewrite(e, true));
    }

    /** Leaves {@code change} in the free slot {@code at} and finishes it; false when another writer took the slot first. */
    private boolean rewritten(Holder holder, Leaf leaf, int at, Rewrite change) {
        if (SLOT.compareAndSet(leaf.extra, at, null, change)) {
            finish(holder, leaf, at);
            return true;
        }
        return false;
    }

    /**
     * Finishes the rewrite in slot {@code at} of a leaf (any writer may run it; the first of each
     * step wins): the leaf's entries with the rewrite's change go to a new leaf, or two when they
     * outgrow {@link #MAX}.
     */
    private void finish(Holder holder, Leaf frozen, int at) {
        Rewrite rewrite = (Rewrite) SLOT.getAcquire(frozen.extra, at);
        Entry[] all = entries(frozen, at, rewrite);
        if (all.length <= MAX) {
            holder.swap(frozen, new Leaf(all, frozen.high));
            return;
        }
        int half = all.length / 2;
        Entry bound = all[half];
        for (;;) {
            Bounds current = bounds;
            int found = search(current.bounds, current.prefixes, 1, current.bounds.length - 1, bound);
            if (found >= 0) {
                break; // another writer added it
            }
            int to = -found - 1;
            int n = current.bounds.length;
            Entry[] grownBounds = inserted(current.bounds, to, bound);
            long[] prefixes = insertedPrefix(current.prefixes, to, bound);
            Holder[] holders = new Holder[n + 1];
            System.arraycopy(current.holders, 0, holders, 0, to);
            holders[to] = new Holder(new Leaf(Arrays.copyOfRange(all, half, all.length), frozen.high));
            System.arraycopy(current.holders, to, holders, to + 1, n - to);
            if (BOUNDS.compareAndSet(this, current, new Bounds(grownBounds, prefixes, holders))) {
                break;
            }
        }
        holder.swap(frozen, new Leaf(Arrays.copyOfRange(all, 0, half), bound));
    }

    /**
     * A leaf's entries in order: its run merged with its first {@code filled} slots, and, when
     * {@code change} is not null, with its entry added or without it. Equal entries (a
     * {@link #put} may add one that is there) come out once, and a remove drops them all.
     */
    private Entry[] entries(Leaf leaf, int filled, Rewrite change) {
        Entry dropped = change != null && !change.adding ? change.entry : null;
        if (filled == 0 && change == null) {
            return leaf.entries;
        }
        Entry[] extras = new Entry[filled + 1];
        int added = 0;
        for (int i = 0; i <= filled; i++) {
            Entry x = i < filled ? (Entry) SLOT.getAcquire(leaf.extra, i) : change != null && change.adding ? change.entry : null;
            if (x == null || dropped != null && order.compare(x, dropped) == 0) {
                continue;
            }
            int j = added - 1; // insertion sort: a few entries
            int c = 1;
            for (; j >= 0 && (c = order.compare(extras[j], x)) > 0; j--) {
                extras[j + 1] = extras[j];
            }
            if (j >= 0 && c == 0) { // already there: close the gap again
                System.arraycopy(extras, j + 2, extras, j + 1, added - j - 1);
                continue;
            }
            extras[j + 1] = x;
            added++;
        }
        Entry[] run = leaf.entries;
        int skip = dropped == null ? -1 : search(run, leaf.prefixes, 0, run.length - 1, dropped);
        Entry[] all = new Entry[run.length + added];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < run.length || j < added) {
            if (i == skip) {
                i++;
                continue;
            }
            int c = i == run.length ? 1 : j == added ? -1 : order.compare(run[i], extras[j]);
            if (c <= 0) {
                all[n++] = run[i++];
                j += c == 0 ? 1 : 0;
            } else {
                all[n++] = extras[j++];
            }
        }
        return n == all.length ? all : Arrays.copyOf(all, n);
    }

    /**
     * Whether the leaf of {@code e}'s holder still ends after it; not when it split after the
     * look-up, so that {@code e} now belongs to a later leaf.
     */
    private boolean covers(Leaf leaf, Entry e) {
        if (leaf.high == null) {
            return true;
        }
        int c = comparePrefixes(leaf.highHigh, leaf.highLow, e);
        return c > 0 || c == 0 && order.compare(e, leaf.high) < 0;
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
    private Holder holderOf(Entry e) {
        Bounds b = bounds;
        return b.holders[floor(b, e)];
    }

    /** Index of the last bound not above {@code e} (0, the first bound, when all are above). */
    private int floor(Bounds b, Entry e) {
        long[] top = b.top;
        int strides = top.length / 2;
        // the first stride after the first whose first bound's prefixes are not below e's
        int lo = 1;
        int hi = strides - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (comparePrefixes(top[2 * mid], top[2 * mid + 1], e) < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // the strides before lo start below e; stride lo, if above e, starts after it (if equal, it may not)
        int from = Math.max(1, (lo - 1) * STRIDE);
        int to = lo < strides && comparePrefixes(top[2 * lo], top[2 * lo + 1], e) > 0 ? lo * STRIDE - 1
                : b.bounds.length - 1;
        int i = search(b.bounds, b.prefixes, from, to, e);
        return i >= 0 ? i : -i - 2;
    }

    private static int comparePrefixes(long high, long low, Entry e) {
        int c = Long.compareUnsigned(high, e.high());
        return c != 0 ? c : Long.compareUnsigned(low, e.low());
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

    /** A leaf's entries as a reader takes them: its run and the slots filled so far, in order. */
    private Entry[] visible(Leaf leaf) {
        int filled = 0;
        while (filled < EXTRA && SLOT.getAcquire(leaf.extra, filled) instanceof Entry) {
            filled++;
        }
        return entries(leaf, filled, null);
    }

    /** The entries in order, or in reverse; weakly consistent, as a concurrent skip list's. */
    Iterator<Entry> iterator(boolean ascending) {
        return new Walk(ascending);
    }

    private final class Walk implements Iterator<Entry> {
        private final boolean ascending;
        /** The leaf being walked and its bound ({@code null}: the first); {@code leaf == null}: no more. */
        private Leaf leaf;
        /** The leaf's entries when the walk came to it: its run and its filled slots. */
        private Entry[] run;
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
            run = visible(leaf);
            at = ascending ? 0 : run.length - 1;
            advance();
        }

        private void advance() {
            next = null;
            while (leaf != null) {
                Entry[] entries = run;
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
                run = visible(leaf);
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
                run = visible(leaf);
                at = run.length - 1;
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
