package io.connectstage.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.lists;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.QueryScenarios;
import io.connectstage.testkit.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The memory store's sorted indexes")
class InMemoryQueryProperties {
    private static final int CONNECTORS = 300;

    @Test
    @DisplayName("answer every page as a plain sort of everything would, after inserts, replaces and deletes")
    void pagesAreThoseOfAPlainSort() {
        Seeds.check("memory pages equal a plain sort", Seeds.examples(200), QueryScenarios.scenarios(CONNECTORS),
                lists().of(QueryScenarios.queries(CONNECTORS)).ofSizeBetween(1, 20), (scenario, queries) -> {
                    InMemoryConnectorStore store = new InMemoryConnectorStore();
                    Map<String, ConnectorStaged> held = scenario.runOn(store);
                    for (ConnectorQuery query : queries) {
                        assertEquals(QueryScenarios.expected(held.values(), query), store.query(query), query.toString());
                    }
                });
    }

    @Test
    @DisplayName("stay exact under concurrent writers, and pages read meanwhile are sorted and free of duplicates")
    void concurrentWritersAndReaders() throws Exception {
        long seed = Seeds.seed();
        InMemoryConnectorStore store = new InMemoryConnectorStore();
        int writers = 4;
        int perWriter = 400;
        Map<String, ConnectorStaged> held = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> write(store, held, new Random(seed + writer), writer, perWriter)));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Random random = new Random(seed - r);
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        ConnectorQuery query = randomQuery(random);
                        QueryPage page = store.query(query);
                        Set<String> ids = new HashSet<>();
                        for (int i = 0; i < page.results().size(); i++) {
                            assertTrue(ids.add(page.results().get(i).id()), "twice in one page: " + page.results().get(i).id());
                            assertTrue(query.matches(page.results().get(i)), "a page holds what the query does not match");
                            if (i > 0) {
                                assertTrue(query.order().compare(page.results().get(i - 1), page.results().get(i)) <= 0,
                                        "a page out of order for " + query);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } catch (AssertionError | Exception e) {
            throw new AssertionError("seed " + seed + " (-D" + Seeds.SEED_PROPERTY + "=" + seed + "): " + e, e);
        } finally {
            threads.shutdownNow();
        }
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            ConnectorQuery query = randomQuery(random);
            assertEquals(QueryScenarios.expected(held.values(), query), store.query(query), "seed " + seed + ": " + query);
        }
    }

    /** One writer's own connectors: inserted, replaced with other names, privacy and types, some deleted. */
    private static Void write(InMemoryConnectorStore store, Map<String, ConnectorStaged> held, Random random, int writer,
            int count) {
        List<String> mine = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int roll = random.nextInt(10);
            if (mine.isEmpty() || roll < 4) {
                String id = "w" + writer + "-" + n;
                ConnectorStaged c = shape(random, Connectors.minimal(id, random.nextInt(4) == 0 ? null : "key-" + id));
                store.insert(c).get();
                held.put(id, c);
                mine.add(id);
            } else if (roll < 9) {
                ConnectorStaged current = held.get(mine.get(random.nextInt(mine.size())));
                ConnectorStaged next = shape(random, current).withVersion(current.version() + 1);
                store.replace(next, current.version()).get();
                held.put(next.id(), next);
            } else {
                String id = mine.remove(random.nextInt(mine.size()));
                store.delete(id, held.remove(id).version()).get();
            }
        }
        return null;
    }

    private static ConnectorStaged shape(Random random, ConnectorStaged c) {
        IntegrationType[] types = {IntegrationType.TAX, IntegrationType.PSP, IntegrationType.OMS};
        List<IntegrationType> some = new ArrayList<>();
        for (IntegrationType type : types) {
            if (random.nextBoolean()) {
                some.add(type);
            }
        }
        return c.withName("name " + random.nextInt(20)).withPrivate(random.nextBoolean()).withIntegrationTypes(some);
    }

    private static ConnectorQuery randomQuery(Random random) {
        SortField[] fields = SortField.values();
        List<Sort> sort = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            sort.add(new Sort(fields[random.nextInt(fields.length)], random.nextBoolean()));
        }
        // none, one, or several types (several: the walk merges the index of each)
        Set<IntegrationType> types = new HashSet<>();
        for (IntegrationType type : new IntegrationType[] {IntegrationType.TAX, IntegrationType.PSP, IntegrationType.OMS}) {
            if (random.nextInt(3) == 0) {
                types.add(type);
            }
        }
        return ConnectorQuery.defaults().withIsPrivate(random.nextInt(3) == 0 ? null : random.nextBoolean())
                .withIntegrationTypes(types).withSort(sort).withLimit(random.nextInt(40)).withOffset(random.nextInt(200));
    }
}
