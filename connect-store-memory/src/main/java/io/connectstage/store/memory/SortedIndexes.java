package io.connectstage.store.memory;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order of every sort field kept up to date by the writes, so that a query walks to its page
 * instead of sorting all connectors, and how many connectors there are of each privacy and set of
 * integration types, so that a query counts its matches without looking at them.
 *
 * <p>An index is a {@link ConcurrentSkipListSet} (lock-free) of small entries: the field's value
 * and the id, in the field's ascending order then by id, with the privacy and integration types
 * of the connector, so that a walk tests the filters without reading the connector. The store
 * calls {@link #added}, {@link #replaced} and {@link #removed} inside its map's atomic update of
 * the connector, so that the writes of one connector reach the indexes in their order. A reader
 * trusts an entry only when the connector now stored under its id still has that value, privacy
 * and types: while a write is under way it may see an old entry and a new one, and takes at most
 * one of them.
 */
final class SortedIndexes {
    /** One connector in the order of one field. */
    private record Entry(Object value, String id, boolean isPrivate, int types) {
    }

    /**
     * The index of each field some query has sorted by: built on the first such query and kept by
     * every write after, so that writes pay only for the orders in use (a harness sorts by one or
     * two fields, seldom by all seven).
     */
    private final ConcurrentMap<SortField, ConcurrentSkipListSet<Entry>> bySortField = new ConcurrentHashMap<>();
    /** The indexes whose build has finished: the ones queries walk. */
    private final ConcurrentMap<SortField, ConcurrentSkipListSet<Entry>> built = new ConcurrentHashMap<>();
    private final Map<SortField, Object> buildLocks = new EnumMap<>(SortField.class);
    /**
     * Writes share it; a build takes it alone for the moment it publishes a new index, so that
     * every write either finished before (and the build's scan sees it) or keeps the new index.
     */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Connectors per privacy and set of integration types ({@link #bucket}). */
    private final ConcurrentMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();

    SortedIndexes() {
        for (SortField field : SortField.values()) {
            buildLocks.put(field, new Object());
        }
    }

    /** Runs one write of the store (its map update, which calls {@link #added} and the others). */
    <T> T writing(Supplier<T> write) {
        gate.readLock().lock();
        try {
            return write.get();
        } finally {
            gate.readLock().unlock();
        }
    }

    private static ConcurrentSkipListSet<Entry> newIndex(SortField field) {
        // as SortField orders: no key last, no time first (other fields are never absent)
        Comparator<Object> values = field == SortField.CREATED_AT || field == SortField.LAST_MODIFIED_AT
                ? Comparator.nullsFirst(SortedIndexes::compareValues)
                : Comparator.nullsLast(SortedIndexes::compareValues);
        return new ConcurrentSkipListSet<>(Comparator.comparing(Entry::value, values).thenComparing(Entry::id));
    }

    /**
     * The index of a field, built from the stored connectors on the first query that sorts by
     * it. A write racing the scan may leave an entry of a value its connector no longer has: a
     * query never takes it (every entry is checked against the stored connector).
     */
    private NavigableSet<Entry> index(SortField field, Iterable<ConnectorStaged> stored) {
        ConcurrentSkipListSet<Entry> index = built.get(field);
        if (index != null) {
            return index;
        }
        synchronized (buildLocks.get(field)) {
            index = built.get(field);
            if (index != null) {
                return index;
            }
            ConcurrentSkipListSet<Entry> made = newIndex(field);
            gate.writeLock().lock();
            try {
                bySortField.put(field, made); // every write from here on keeps it
            } finally {
                gate.writeLock().unlock();
            }
            for (ConnectorStaged c : stored) {
                made.add(entry(field, c, typeBits(c)));
            }
            built.put(field, made);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static int typeBits(ConnectorStaged c) {
        int bits = 0;
        for (IntegrationType type : c.integrationTypes()) {
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

    private static Entry entry(SortField field, ConnectorStaged c, int types) {
        return new Entry(value(field, c), c.id(), c.isPrivate(), types);
    }

    /** Indexes a connector just stored; answers it. */
    ConnectorStaged added(ConnectorStaged c) {
        int types = typeBits(c);
        for (Map.Entry<SortField, ConcurrentSkipListSet<Entry>> index : bySortField.entrySet()) {
            index.getValue().add(entry(index.getKey(), c, types));
        }
        counts.computeIfAbsent(bucket(c.isPrivate(), types), b -> new LongAdder()).increment();
        return c;
    }

    /** Moves the entries whose value, privacy or types changed; answers {@code next}. */
    ConnectorStaged replaced(ConnectorStaged current, ConnectorStaged next) {
        int oldTypes = typeBits(current);
        int newTypes = typeBits(next);
        boolean filtersChanged = oldTypes != newTypes || current.isPrivate() != next.isPrivate();
        for (Map.Entry<SortField, ConcurrentSkipListSet<Entry>> index : bySortField.entrySet()) {
            SortField field = index.getKey();
            if (filtersChanged || !Objects.equals(value(field, current), value(field, next))) {
                index.getValue().remove(entry(field, current, oldTypes));
                index.getValue().add(entry(field, next, newTypes));
            }
        }
        if (filtersChanged) {
            counts.get(bucket(current.isPrivate(), oldTypes)).decrement();
            counts.computeIfAbsent(bucket(next.isPrivate(), newTypes), b -> new LongAdder()).increment();
        }
        return next;
    }

    /** Drops a connector's entries; answers it. */
    ConnectorStaged removed(ConnectorStaged c) {
        int types = typeBits(c);
        for (Map.Entry<SortField, ConcurrentSkipListSet<Entry>> index : bySortField.entrySet()) {
            index.getValue().remove(entry(index.getKey(), c, types));
        }
        counts.get(bucket(c.isPrivate(), types)).decrement();
        return c;
    }

    /**
     * A page of a query: walks the index of the first sort criterion in its direction, keeps the
     * connectors that pass the filters until it has {@code offset + limit} of them (and, when
     * the index order is not the whole order of the query, the rest of the last group of equal
     * values), then sorts those few by the query's order. The total comes from the counts.
     */
    QueryPage query(ConnectorQuery query, Function<String, ConnectorStaged> stored, Iterable<ConnectorStaged> all) {
        List<Sort> sort = query.sort();
        SortField field = sort.isEmpty() ? SortField.ID : sort.get(0).field();
        boolean ascending = sort.isEmpty() || sort.get(0).ascending();
        // (value, id) ascending is the query's order when nothing else decides between equal values
        boolean exact = ascending && (sort.size() <= 1 || field == SortField.ID);
        NavigableSet<Entry> index = index(field, all);
        if (!ascending) {
            index = index.descendingSet();
        }
        Boolean isPrivate = query.isPrivate();
        int types = typeBits(query.integrationTypes());
        long wanted = (long) query.offset() + query.limit();
        List<ConnectorStaged> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Entry last = null;
        for (Entry entry : index) {
            if (found.size() >= wanted && (exact || last == null || !Objects.equals(entry.value(), last.value()))) {
                break;
            }
            if ((isPrivate != null && entry.isPrivate() != isPrivate) || (types != 0 && (entry.types() & types) == 0)) {
                continue;
            }
            ConnectorStaged c = stored.apply(entry.id());
            if (c == null || c.isPrivate() != entry.isPrivate() || typeBits(c) != entry.types()
                    || !Objects.equals(value(field, c), entry.value()) || !ids.add(c.id())) {
                continue; // a write under way: its other entry stands for it
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
