package io.connectstage.store.memory;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order of a sort field among the connectors of one filter, kept up to date by the writes,
 * so that a query walks to its page through its matches only instead of sorting all connectors,
 * and how many connectors there are of each privacy and set of integration types, so that a
 * query counts its matches without looking at them.
 *
 * <p>An index belongs to a slot: a sort field, a privacy ({@code isPrivate} true, false or
 * either) and an integration type (one, or any). It holds the connectors of that privacy that
 * have that type, as small entries (the field's value, a prefix of it, and the id) in the field's
 * ascending order then by id, kept in a concurrent skip list ({@link OrderedEntries}). A query of one
 * type (or none) walks the index of its slot; a query of several types merges the indexes of each
 * (a connector of two of them is in both, and the walk takes it once).
 * An index is built on the first query that needs it and kept by every write after, so that
 * writes pay only for the orders and filters in use. The store calls {@link #added},
 * {@link #replaced} and {@link #removed} inside its map's atomic update of the connector, so that
 * the writes of one connector reach the indexes in their order. A reader trusts an entry only
 * when the connector now stored under its id still has that value and passes the query's
 * filters: while a write is under way it may see an old entry and a new one, and takes at most
 * one of them.
 */
final class SortedIndexes {
    /**
     * One connector in the order of one field: its value, the first {@link #PREFIX_BYTES} bytes
     * of an order-preserving encoding of that value (two unsigned longs), and its id. The prefix
     * is copied beside the entry in its run, so that a binary search reads an array of longs and
     * follows the entry to its value's characters (a cache miss each, names being spread over the
     * heap) only when two prefixes are equal.
     *
     * <p>No value has the lowest prefix (nulls first: no time) or the highest (nulls last: no
     * key), which no string reaches (one byte in three of a high code unit is 0x80) and no time
     * (its seconds' range is far from both ends).
     *
     * @param exact whether the prefix is the whole value (numbers and times), so that equal
     *              prefixes are equal values
     */
    record Entry(long high, long low, boolean exact, Object value, String id) {
        static Entry of(SortField field, Object value, String id) {
            if (value == null) {
                long edge = nullsFirst(field) ? 0 : -1;
                return new Entry(edge, edge, false, null, id);
            }
            if (value instanceof String s) {
                long high = 0;
                long low = 0;
                int at = 0;
                for (int i = 0, n = s.length(); i < n && at < PREFIX_BYTES; i++) {
                    char c = s.charAt(i);
                    if (c < 0x7F) {
                        // one byte, 1 to 0x7F: 0 is the end of the string, below every character
                        if (at < 8) {
                            high |= (long) (c + 1) << (56 - 8 * at);
                        } else {
                            low |= (long) (c + 1) << (56 - 8 * (at - 8));
                        }
                        at++;
                    } else {
                        // three bytes, 0x80 and the UTF-16 code unit: above every one-byte character
                        // and ordered as String.compareTo orders code units (surrogates included)
                        int code = 0x80_0000 | c;
                        for (int shift = 16; shift >= 0 && at < PREFIX_BYTES; shift -= 8, at++) {
                            long b = (code >>> shift) & 0xFF;
                            if (at < 8) {
                                high |= b << (56 - 8 * at);
                            } else {
                                low |= b << (56 - 8 * (at - 8));
                            }
                        }
                    }
                }
                return new Entry(high, low, false, value, id);
            }
            if (value instanceof Long l) {
                return new Entry(l ^ Long.MIN_VALUE, 0, true, value, id);
            }
            if (value instanceof Instant t) {
                return new Entry(t.getEpochSecond() ^ Long.MIN_VALUE, t.getNano(), true, value, id);
            }
            return new Entry(0, 0, false, value, id); // a value with no prefix: the full compare decides
        }
    }

    /** Bytes of a value's encoding an {@link Entry} keeps. */
    static final int PREFIX_BYTES = 16;

    private static final SortField[] FIELDS = SortField.values();
    private static final IntegrationType[] TYPES = IntegrationType.values();
    /** Privacy of a slot: either, public, private. */
    private static final int ANY = 0;
    private static final int PUBLIC = 1;
    private static final int PRIVATE = 2;
    /** Slots per field: three privacies times (any type, then each type). */
    private static final int PER_FIELD = 3 * (TYPES.length + 1);

    /**
     * The indexes every write keeps, by {@link #slot}. Set only under the gate's write lock and
     * read by writes only under its read lock, which orders the two.
     */
    private final OrderedEntries[] kept = new OrderedEntries[FIELDS.length * PER_FIELD];
    /** The fields with a kept index, so that a write looks at no slot of the others (same lock rule). */
    private SortField[] keptFields = {};
    /** The indexes whose build has finished: the ones queries walk. */
    private final AtomicReferenceArray<OrderedEntries> built =
            new AtomicReferenceArray<>(FIELDS.length * PER_FIELD);
    private final Object[] buildLocks = new Object[FIELDS.length * PER_FIELD];
    /**
     * Writes share it; a build takes it alone for the moment it publishes a new index, so that
     * every write either finished before (and the build's scan sees it) or keeps the new index.
     * A stamped lock, not a reentrant one: no write nests in another, and a reentrant read lock
     * keeps count of its holders besides (a thread-local look-up for every writer but the first).
     */
    private final StampedLock gate = new StampedLock();
    /** Connectors per privacy and set of integration types ({@link #bucket}). */
    private final ConcurrentMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();
    /**
     * The same counters by bucket, so that a write finds its own without boxing the bucket and
     * looking it up in the map (a tenth of an insert); the map stays for a query to go through
     * the buckets in use only.
     */
    private final AtomicReferenceArray<LongAdder> countsByBucket = new AtomicReferenceArray<>(2 << TYPES.length);

    SortedIndexes() {
        for (int i = 0; i < buildLocks.length; i++) {
            buildLocks[i] = new Object();
        }
    }

    /** Runs one write of the store (its map update, which calls {@link #added} and the others). */
    <T> T writing(Supplier<T> write) {
        long stamp = gate.readLock();
        try {
            return write.get();
        } finally {
            gate.unlockRead(stamp);
        }
    }

    private static int slot(SortField field, int privacy, int type) {
        return field.ordinal() * PER_FIELD + privacy * (TYPES.length + 1) + type;
    }

    /** Whether a connector of this privacy and these type bits belongs to the slot's index. */
    private static boolean belongs(int privacy, int type, boolean isPrivate, int types) {
        return (privacy == ANY || (privacy == PRIVATE) == isPrivate) && (type == 0 || (types & (1 << (type - 1))) != 0);
    }

    /** Field value, then id; as {@link SortField} orders: no key last, no time first. */
    static Comparator<Entry> order(SortField field) {
        boolean nullsFirst = nullsFirst(field);
        return (a, b) -> {
            int c = compareValues(a, b, nullsFirst);
            return c != 0 || a.id() == b.id() ? c : a.id().compareTo(b.id());
        };
    }

    /** Whether the field's order puts connectors without a value first (times) or last (key). */
    static boolean nullsFirst(SortField field) {
        return field == SortField.CREATED_AT || field == SortField.LAST_MODIFIED_AT;
    }

    /** The values of two entries of one field, by their prefixes first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Entry a, Entry b, boolean nullsFirst) {
        Object x = a.value();
        Object y = b.value();
        if (x == y) {
            return 0;
        }
        if (x == null) {
            return nullsFirst ? -1 : 1;
        }
        if (y == null) {
            return nullsFirst ? 1 : -1;
        }
        int c = Long.compareUnsigned(a.high(), b.high());
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(a.low(), b.low());
        return c != 0 || a.exact() ? c : ((Comparable) x).compareTo(y);
    }

    /**
     * The index of a slot, built from the stored connectors on the first query that needs it. A
     * write racing the scan may leave an entry of a value its connector no longer has: a query
     * never takes it (every entry is checked against the stored connector).
     */
    private OrderedEntries index(SortField field, int privacy, int type, Iterable<ConnectorStaged> stored) {
        int slot = slot(field, privacy, type);
        OrderedEntries index = built.get(slot);
        if (index != null) {
            return index;
        }
        synchronized (buildLocks[slot]) {
            index = built.get(slot);
            if (index != null) {
                return index;
            }
            OrderedEntries made = new OrderedEntries(order(field));
            long stamp = gate.writeLock();
            try {
                kept[slot] = made; // every write from here on keeps it
                if (!List.of(keptFields).contains(field)) {
                    SortField[] fields = Arrays.copyOf(keptFields, keptFields.length + 1);
                    fields[keptFields.length] = field;
                    keptFields = fields;
                }
            } finally {
                gate.unlockWrite(stamp);
            }
            for (ConnectorStaged c : stored) {
                if (belongs(privacy, type, c.isPrivate(), typeBits(c))) {
                    made.add(Entry.of(field, value(field, c), c.id()));
                }
            }
            built.set(slot, made);
            return made;
        }
    }

    /**
     * The value a field orders by, in the order of {@link SortField#ascending()}: the property
     * tests compare every page with a sort by that comparator.
     */
    static Object value(SortField field, ConnectorStaged c) {
        switch (field) {
            case ID:
                return c.id();
            case KEY:
                return c.key();
            case NAME:
                return c.name();
            case VERSION:
                return c.version();
            case STATUS:
                return c.status().wireValue();
            case CREATED_AT:
                return c.createdAt();
            case LAST_MODIFIED_AT:
                return c.lastModifiedAt();
            default:
                throw new IllegalStateException("no index value for " + field);
        }
    }

    private static int typeBits(ConnectorStaged c) {
        int bits = 0;
        List<IntegrationType> types = c.integrationTypes();
        for (int i = 0; i < types.size(); i++) {
            IntegrationType type = types.get(i);
            if (type != null) {
                bits |= 1 << type.ordinal();
            }
        }
        return bits;
    }

    private static int typeBits(Set<IntegrationType> types) {
        int bits = 0;
        for (IntegrationType type : types) {
            bits |= 1 << type.ordinal();
        }
        return bits;
    }

    private static int bucket(boolean isPrivate, int types) {
        return (types << 1) | (isPrivate ? 1 : 0);
    }

    private void count(boolean isPrivate, int types, int by) {
        int bucket = bucket(isPrivate, types);
        LongAdder count = countsByBucket.getAcquire(bucket);
        if (count == null) {
            count = counts.computeIfAbsent(bucket, b -> new LongAdder());
            countsByBucket.setRelease(bucket, count);
        }
        count.add(by);
    }

    /** Indexes a connector just stored; answers it. */
    ConnectorStaged added(ConnectorStaged c) {
        int types = typeBits(c);
        int own = c.isPrivate() ? PRIVATE : PUBLIC;
        for (SortField field : keptFields) {
            Entry entry = null;
            int base = slot(field, ANY, 0);
            for (int privacy = ANY; privacy >= 0; privacy = privacy == ANY ? own : -1) {
                for (int type = 0, rest = types; ; ) {
                    OrderedEntries index = kept[base + privacy * (TYPES.length + 1) + type];
                    if (index != null) {
                        if (entry == null) {
                            entry = Entry.of(field, value(field, c), c.id());
                        }
                        index.add(entry);
                    }
                    if (rest == 0) {
                        break;
                    }
                    type = Integer.numberOfTrailingZeros(rest) + 1;
                    rest &= rest - 1;
                }
            }
        }
        count(c.isPrivate(), types, 1);
        return c;
    }

    /**
     * Moves the connector in each kept index: adds it where it now belongs, drops it where it no
     * longer does, and replaces its entry where its value changed; answers {@code next}.
     */
    ConnectorStaged replaced(ConnectorStaged current, ConnectorStaged next) {
        int oldTypes = typeBits(current);
        int newTypes = typeBits(next);
        boolean filtersChanged = oldTypes != newTypes || current.isPrivate() != next.isPrivate();
        for (SortField field : keptFields) {
            Object oldValue = value(field, current);
            Object newValue = value(field, next);
            boolean sameValue = Objects.equals(oldValue, newValue);
            if (sameValue && !filtersChanged) {
                continue;
            }
            Entry oldEntry = Entry.of(field, oldValue, current.id());
            Entry newEntry = sameValue ? oldEntry : Entry.of(field, newValue, next.id());
            int base = slot(field, ANY, 0);
            for (int privacy = ANY; privacy <= PRIVATE; privacy++) {
                for (int type = 0, rest = oldTypes | newTypes; ; ) {
                    OrderedEntries index = kept[base + privacy * (TYPES.length + 1) + type];
                    if (index != null) {
                        boolean wasIn = belongs(privacy, type, current.isPrivate(), oldTypes);
                        boolean isIn = belongs(privacy, type, next.isPrivate(), newTypes);
                        if (isIn && !(sameValue && wasIn)) {
                            index.add(newEntry);
                        }
                        if (wasIn && !(sameValue && isIn)) {
                            index.remove(oldEntry);
                        }
                    }
                    if (rest == 0) {
                        break;
                    }
                    type = Integer.numberOfTrailingZeros(rest) + 1;
                    rest &= rest - 1;
                }
            }
        }
        if (filtersChanged) {
            count(current.isPrivate(), oldTypes, -1);
            count(next.isPrivate(), newTypes, 1);
        }
        return next;
    }

    /** Drops a connector's entries; answers it. */
    ConnectorStaged removed(ConnectorStaged c) {
        int types = typeBits(c);
        int own = c.isPrivate() ? PRIVATE : PUBLIC;
        for (SortField field : keptFields) {
            Entry entry = Entry.of(field, value(field, c), c.id());
            int base = slot(field, ANY, 0);
            for (int privacy = ANY; privacy >= 0; privacy = privacy == ANY ? own : -1) {
                for (int type = 0, rest = types; ; ) {
                    OrderedEntries index = kept[base + privacy * (TYPES.length + 1) + type];
                    if (index != null) {
                        index.remove(entry);
                    }
                    if (rest == 0) {
                        break;
                    }
                    type = Integer.numberOfTrailingZeros(rest) + 1;
                    rest &= rest - 1;
                }
            }
        }
        count(c.isPrivate(), types, -1);
        return c;
    }

    /**
     * A page of a query: walks the index of its first sort criterion and its filters in its
     * direction (several types: the indexes of each, merged), keeps the connectors that still
     * match until it has {@code offset + limit} of them (and, when the index order is not the
     * whole order of the query, the rest of the last group of equal values), then sorts those few
     * by the query's order. The total comes from the counts.
     */
    QueryPage query(ConnectorQuery query, Function<String, ConnectorStaged> stored, Iterable<ConnectorStaged> all) {
        List<Sort> sort = query.sort();
        SortField field = sort.isEmpty() ? SortField.ID : sort.get(0).field();
        boolean ascending = sort.isEmpty() || sort.get(0).ascending();
        // (value, id) ascending is the query's order when nothing else decides between equal values
        boolean exact = ascending && (sort.size() <= 1 || field == SortField.ID);
        Boolean isPrivate = query.isPrivate();
        int privacy = isPrivate == null ? ANY : isPrivate ? PRIVATE : PUBLIC;
        int types = typeBits(query.integrationTypes());
        Iterator<Entry> walk;
        if (Integer.bitCount(types) <= 1) {
            int type = types == 0 ? 0 : Integer.numberOfTrailingZeros(types) + 1;
            walk = index(field, privacy, type, all).iterator(ascending);
        } else {
            List<OrderedEntries> each = new ArrayList<>();
            for (int rest = types; rest != 0; rest &= rest - 1) {
                each.add(index(field, privacy, Integer.numberOfTrailingZeros(rest) + 1, all));
            }
            walk = new Merge(each, ascending);
        }
        long wanted = (long) query.offset() + query.limit();
        List<ConnectorStaged> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Entry last = null;
        while (walk.hasNext()) {
            Entry entry = walk.next();
            if (found.size() >= wanted && (exact || last == null || !Objects.equals(entry.value(), last.value()))) {
                break;
            }
            ConnectorStaged c = stored.apply(entry.id());
            if (c == null || (isPrivate != null && c.isPrivate() != isPrivate)
                    || (types != 0 && (typeBits(c) & types) == 0)
                    || !Objects.equals(value(field, c), entry.value()) || !ids.add(c.id())) {
                continue; // a write under way (its other entry stands for it), or met in a second index
            }
            found.add(c);
            last = entry;
        }
        if (!exact) {
            found.sort(query.order());
        }
        int from = Math.min(query.offset(), found.size());
        int to = (int) Math.min(wanted, found.size());
        return new QueryPage(List.copyOf(found.subList(from, to)), count(isPrivate, types));
    }

    /** The entries of several indexes of one order, in that order (an entry in two comes twice, one after the other). */
    private static final class Merge implements Iterator<Entry> {
        private record Head(Entry entry, Iterator<Entry> rest) {
        }

        private final PriorityQueue<Head> heads;

        Merge(List<OrderedEntries> indexes, boolean ascending) {
            Comparator<Entry> order = ascending ? indexes.get(0).comparator() : indexes.get(0).comparator().reversed();
            heads = new PriorityQueue<>(indexes.size(), (a, b) -> order.compare(a.entry(), b.entry()));
            for (OrderedEntries index : indexes) {
                Iterator<Entry> rest = index.iterator(ascending);
                if (rest.hasNext()) {
                    heads.add(new Head(rest.next(), rest));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Entry next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            if (head.rest().hasNext()) {
                heads.add(new Head(head.rest().next(), head.rest()));
            }
            return head.entry();
        }
    }

    private long count(Boolean isPrivate, int types) {
        long total = 0;
        for (Map.Entry<Integer, LongAdder> bucket : counts.entrySet()) {
            int key = bucket.getKey();
            boolean bucketPrivate = (key & 1) == 1;
            int bucketTypes = key >>> 1;
            if ((isPrivate == null || bucketPrivate == isPrivate) && (types == 0 || (bucketTypes & types) != 0)) {
                total += bucket.getValue().sum();
            }
        }
        return total;
    }
}
