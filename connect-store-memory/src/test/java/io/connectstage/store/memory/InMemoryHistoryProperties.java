package io.connectstage.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.StoreRefusal;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.QueryScenarios;
import io.connectstage.testkit.Seeds;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many short histories of inserts, replaces, deletes and queries on a few connectors, run by
 * several threads at once, each checked against a sequential model. Every write takes a version
 * no other write takes, so that the successful writes of a connector chain up by the version each
 * replaced: the model is that chain, one per connector (connectors never conflict with each other,
 * each having its own key). A history is explained when every success and refusal fits the chains,
 * the stored connectors and every page of the quiet store are those of the chains' ends, and each
 * connector a page met during the history was stored at some moment of that query.
 */
@DisplayName("The memory store under concurrent histories, against a sequential model")
class InMemoryHistoryProperties {
    private static final int HISTORIES = 300;
    private static final int THREADS = 3;
    private static final int IDS = 6;
    private static final String[] NAMES = {"alpha", "bravo", "charlie", "delta"};
    private static final IntegrationType[] TYPES = {IntegrationType.TAX, IntegrationType.PSP, IntegrationType.OMS};
    private static final SortField[] SORTED = {SortField.NAME, SortField.KEY, SortField.VERSION, SortField.ID};

    /** One operation as it ran: its logical start and end, and what it asked and got. */
    private record Done(long start, long end, Op op, String id, long expected, ConnectorStaged written,
            Either<StoreRefusal, ConnectorStaged> result, ConnectorQuery query, QueryPage page) {
    }

    private enum Op { INSERT, REPLACE, DELETE, QUERY }

    @Test
    @DisplayName("every history is explained by one chain of writes per connector")
    void historiesAreExplainedBySequentialChains() throws Exception {
        long base = Long.getLong(Seeds.SEED_PROPERTY, 20_261_207L);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (int h = 0; h < Seeds.examples(HISTORIES); h++) {
                long seed = base + h;
                try {
                    explain(run(seed, threads));
                } catch (AssertionError e) {
                    throw new AssertionError("history of seed " + seed + ": " + e.getMessage(), e);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** One history: a few connectors, then each thread's operations, all started at once. */
    private static History run(long seed, ExecutorService threads) throws Exception {
        Random random = new Random(seed);
        History history = new History(new InMemoryConnectorStore());
        for (int i = 0, n = random.nextInt(IDS); i < n; i++) {
            history.insert(random);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random own = new Random(seed * 31 + t);
            int steps = 8 + own.nextInt(20);
            running.add(threads.submit(() -> {
                start.await();
                for (int s = 0; s < steps; s++) {
                    history.step(own);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> thread : running) {
            thread.get(60, TimeUnit.SECONDS);
        }
        return history;
    }

    /** The store, the operations done on it, and a logical clock ticked at each start and end. */
    private static final class History {
        final InMemoryConnectorStore store;
        final List<Done> done = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong clock = new AtomicLong();
        final AtomicLong versions = new AtomicLong();

        History(InMemoryConnectorStore store) {
            this.store = store;
        }

        void step(Random random) {
            switch (random.nextInt(5)) {
                case 0 -> insert(random);
                case 1, 2 -> replace(random);
                case 3 -> delete(random);
                default -> query(random);
            }
        }

        void insert(Random random) {
            String id = "c" + random.nextInt(IDS);
            ConnectorStaged c = changed(Connectors.minimal(id, "key-" + id), random);
            long start = clock.incrementAndGet();
            Either<StoreRefusal, ConnectorStaged> result = store.insert(c);
            done.add(new Done(start, clock.incrementAndGet(), Op.INSERT, id, 0, c, result, null, null));
        }

        void replace(Random random) {
            String id = "c" + random.nextInt(IDS);
            ConnectorStaged current = store.findById(id).getOrNull();
            if (current == null) {
                return;
            }
            ConnectorStaged next = changed(current, random);
            long start = clock.incrementAndGet();
            Either<StoreRefusal, ConnectorStaged> result = store.replace(next, current.version());
            done.add(new Done(start, clock.incrementAndGet(), Op.REPLACE, id, current.version(), next, result, null, null));
        }

        void delete(Random random) {
            String id = "c" + random.nextInt(IDS);
            ConnectorStaged current = store.findById(id).getOrNull();
            if (current == null) {
                return;
            }
            long start = clock.incrementAndGet();
            Either<StoreRefusal, ConnectorStaged> result = store.delete(id, current.version());
            done.add(new Done(start, clock.incrementAndGet(), Op.DELETE, id, current.version(), null, result, null, null));
        }

        void query(Random random) {
            ConnectorQuery query = randomQuery(random);
            long start = clock.incrementAndGet();
            QueryPage page = store.query(query);
            done.add(new Done(start, clock.incrementAndGet(), Op.QUERY, null, 0, null, null, query, page));
        }

        /** A new value for this connector: maybe another name, privacy and types, and a version no other write has. */
        ConnectorStaged changed(ConnectorStaged c, Random random) {
            ConnectorStaged next = c.withVersion(versions.incrementAndGet());
            if (random.nextBoolean()) {
                next = next.withName(NAMES[random.nextInt(NAMES.length)]);
            }
            if (random.nextBoolean()) {
                next = next.withPrivate(random.nextBoolean());
            }
            if (random.nextBoolean()) {
                next = next.withIntegrationTypes(List.copyOf(randomTypes(random)));
            }
            return next;
        }
    }

    private static Set<IntegrationType> randomTypes(Random random) {
        Set<IntegrationType> types = EnumSet.noneOf(IntegrationType.class);
        for (IntegrationType type : TYPES) {
            if (random.nextInt(3) == 0) {
                types.add(type);
            }
        }
        return types;
    }

    private static ConnectorQuery randomQuery(Random random) {
        SortField field = SORTED[random.nextInt(SORTED.length)];
        List<Sort> sort = random.nextInt(4) == 0 ? List.of()
                : List.of(random.nextBoolean() ? Sort.asc(field) : Sort.desc(field));
        Boolean isPrivate = random.nextInt(3) == 0 ? null : random.nextBoolean();
        return new ConnectorQuery(1 + random.nextInt(5), random.nextInt(3), sort, isPrivate, randomTypes(random));
    }

    /** Checks a history against one chain of writes per connector. */
    private static void explain(History history) {
        List<Done> done = List.copyOf(history.done);
        // every version one write stored, and the successful write that replaced or deleted it
        Map<Long, Done> madeBy = new HashMap<>();
        Map<Long, Done> endedBy = new HashMap<>();
        for (Done d : done) {
            if (d.op() != Op.QUERY && d.result().isRight() && d.written() != null) {
                madeBy.put(d.written().version(), d);
            }
        }
        Map<String, Integer> insertsLeft = new HashMap<>();
        for (Done d : done) {
            if (d.op() == Op.QUERY || d.result().isLeft()) {
                continue;
            }
            if (d.op() == Op.INSERT) {
                insertsLeft.merge(d.id(), 1, Integer::sum);
                continue;
            }
            Done made = madeBy.get(d.expected());
            assertNotNull(made, d.op() + " of " + d.id() + " succeeded from version " + d.expected() + ", which no write stored");
            assertEquals(d.id(), made.id(), "a write replaced another connector's version");
            assertTrue(made.start() < d.end(), d.op() + " of " + d.id() + " succeeded before the version it replaced was written");
            Done before = endedBy.put(d.expected(), d);
            assertNull(before, "two writes succeeded from version " + d.expected() + " of " + d.id() + ": " + before + " and " + d);
            if (d.op() == Op.DELETE) {
                insertsLeft.merge(d.id(), -1, Integer::sum);
            }
        }
        for (Done d : done) {
            if (d.op() == Op.INSERT && d.result().isLeft()) {
                assertTrue(d.result().getLeft() instanceof StoreRefusal.IdTaken || d.result().getLeft() instanceof StoreRefusal.KeyTaken,
                        "insert refused: " + d.result().getLeft());
            } else if ((d.op() == Op.REPLACE || d.op() == Op.DELETE) && d.result().isLeft()) {
                // the version read before the write was gone when it ran: another write ended it
                Done ended = endedBy.get(d.expected());
                assertNotNull(ended, d.op() + " of " + d.id() + " refused (" + d.result().getLeft() + ") though version "
                        + d.expected() + " was never replaced nor deleted");
                assertTrue(ended.start() < d.end(), d.op() + " refused before the write that ended its version started");
            }
        }
        // the chains' ends: the versions no write ended; one per connector present
        Map<String, ConnectorStaged> model = new HashMap<>();
        for (Done made : madeBy.values()) {
            if (!endedBy.containsKey(made.written().version())) {
                ConnectorStaged before = model.put(made.id(), made.written());
                assertNull(before, "two versions of " + made.id() + " were never ended: " + before + " and " + made.written());
            }
        }
        for (int i = 0; i < IDS; i++) {
            String id = "c" + i;
            int left = insertsLeft.getOrDefault(id, 0);
            assertTrue(left == 0 || left == 1, id + " inserted " + left + " more times than deleted");
            assertEquals(left == 1, model.containsKey(id), id + ": inserts and deletes disagree with the chain");
            assertEquals(model.get(id), history.store.findById(id).getOrNull(), id + " as stored");
        }
        for (Done d : done) {
            if (d.op() == Op.QUERY) {
                pageFitsItsQuery(d, madeBy, endedBy);
            }
        }
        quietPagesAreThoseOfTheModel(history.store, model.values());
    }

    /**
     * A page met during the history: in the query's order, each connector once, each matching,
     * each a version that was stored at some moment of the query, and no more than asked. (Its
     * total is a sum of counters that a write moving a connector between them changes one after
     * the other, so only the quiet store's totals are exact.)
     */
    private static void pageFitsItsQuery(Done d, Map<Long, Done> madeBy, Map<Long, Done> endedBy) {
        List<ConnectorStaged> results = d.page().results();
        assertTrue(results.size() <= d.query().limit(), "a page longer than its limit: " + d.query());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            ConnectorStaged c = results.get(i);
            assertTrue(ids.add(c.id()), c.id() + " twice in one page of " + d.query());
            assertTrue(d.query().matches(c), c + " does not match " + d.query());
            if (i > 0) {
                assertTrue(d.query().order().compare(results.get(i - 1), c) <= 0, "a page out of order for " + d.query());
            }
            Done made = madeBy.get(c.version());
            assertNotNull(made, "a page holds version " + c.version() + " of " + c.id() + ", which no write stored");
            assertEquals(made.written(), c, "a page holds another value than the write of its version");
            assertTrue(made.start() < d.end(), "a page holds a version written after the query");
            Done ended = endedBy.get(c.version());
            assertTrue(ended == null || ended.end() > d.start(), "a page holds a version ended before the query began");
        }
    }

    /** Once every thread is done, each page is the model's page: the same connectors, in order, and the total. */
    private static void quietPagesAreThoseOfTheModel(InMemoryConnectorStore store, Collection<ConnectorStaged> model) {
        for (SortField field : SORTED) {
            for (boolean ascending : new boolean[] {true, false}) {
                for (Boolean isPrivate : new Boolean[] {null, true, false}) {
                    for (Set<IntegrationType> types : List.of(Set.<IntegrationType>of(), Set.of(IntegrationType.TAX),
                            Set.of(IntegrationType.PSP, IntegrationType.OMS))) {
                        ConnectorQuery query = new ConnectorQuery(IDS, 0,
                                List.of(ascending ? Sort.asc(field) : Sort.desc(field)), isPrivate, types);
                        QueryPage expected = QueryScenarios.expected(model, query);
                        if (!expected.equals(store.query(query))) {
                            fail("the quiet store answers " + store.query(query) + " to " + query + ", the model " + expected);
                        }
                        assertEquals(QueryScenarios.expected(model, query.withOffset(1).withLimit(2)),
                                store.query(query.withOffset(1).withLimit(2)), "page 1..2 of " + query);
                    }
                }
            }
        }
    }
}
