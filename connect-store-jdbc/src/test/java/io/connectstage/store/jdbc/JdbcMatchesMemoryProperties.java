package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC stores against the memory stores, operation by operation: random inserts, replaces
 * (right and wrong versions, changed keys, types and privacy), deletes, finds, queries and
 * searches over a few ids and keys, so that they collide. Every answer, error values included,
 * must be the memory store's.
 */
@DisplayName("The JDBC stores answer as the memory stores")
class JdbcMatchesMemoryProperties {
    private static final int SCENARIOS = Seeds.examples(8);
    private static final int STEPS = 120;
    private static final List<String> NAMES = List.of("alpha", "Alpha", "beta", "Émile", "\uFF01", "\uD83D\uDE80",
            "z", "");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("staged connectors: every answer equal, scenario after scenario")
    void stagedStores(TestDatabase.Kind kind) {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            try (TestDatabase database = kind.open(folder)) {
                ConnectorStore memory = new InMemoryConnectorStore();
                ConnectorStore jdbc = new JdbcConnectorStore(database.dataSource());
                List<String> log = new ArrayList<>();
                try {
                    for (int step = 0; step < STEPS; step++) {
                        stagedStep(random, memory, jdbc, log);
                    }
                    ConnectorQuery all = ConnectorQuery.defaults().withLimit(ConnectorQuery.MAX_LIMIT);
                    assertEquals(memory.query(all), jdbc.query(all), "everything at the end");
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + seed + " (-D" + Seeds.SEED_PROPERTY + "=" + seed + "), scenario "
                            + scenario + ", after:\n  " + String.join("\n  ", log.subList(Math.max(0, log.size() - 15),
                            log.size())) + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    private static void stagedStep(Random random, ConnectorStore memory, ConnectorStore jdbc, List<String> log) {
        String id = "id-" + random.nextInt(10);
        int roll = random.nextInt(100);
        if (roll < 35) {
            ConnectorStaged c = randomConnector(random, id, key(random));
            log.add("insert " + describe(c));
            assertEquals(memory.insert(c), jdbc.insert(c), log.get(log.size() - 1));
        } else if (roll < 65) {
            ConnectorStaged current = memory.findById(id).getOrElse(() -> randomConnector(random, id, key(random)));
            ConnectorStaged next = randomConnector(random, id, random.nextInt(10) == 0 ? key(random) : current.key())
                    .withVersion(current.version() + 1);
            long expected = random.nextInt(5) == 0 ? current.version() + random.nextInt(3) - 1 : current.version();
            log.add("replace expecting " + expected + " by " + describe(next));
            assertEquals(memory.replace(next, expected), jdbc.replace(next, expected), log.get(log.size() - 1));
        } else if (roll < 75) {
            long version = memory.findById(id).map(ConnectorStaged::version).getOrElse(1L)
                    + (random.nextInt(4) == 0 ? 1 : 0);
            log.add("delete " + id + " at " + version);
            assertEquals(memory.delete(id, version), jdbc.delete(id, version), log.get(log.size() - 1));
        } else if (roll < 82) {
            String key = key(random);
            log.add("find " + id + " and key " + key);
            assertEquals(memory.findById(id), jdbc.findById(id), log.get(log.size() - 1));
            assertEquals(memory.findByKey(key), jdbc.findByKey(key), log.get(log.size() - 1));
        } else {
            ConnectorQuery query = ConnectorQuery.defaults()
                    .withIsPrivate(random.nextInt(3) == 0 ? null : random.nextBoolean())
                    .withIntegrationTypes(types(random, 3))
                    .withSort(sorts(random, SortField.values()))
                    .withLimit(random.nextInt(8))
                    .withOffset(random.nextInt(4) == 0 ? 0 : random.nextInt(10));
            log.add("query " + query);
            assertEquals(memory.query(query), jdbc.query(query), log.get(log.size() - 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("published Connectors: every answer equal, scenario after scenario")
    void publishedStores(TestDatabase.Kind kind) {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            try (TestDatabase database = kind.open(folder)) {
                PublishedConnectorStore memory = new InMemoryPublishedConnectorStore();
                PublishedConnectorStore jdbc = new JdbcPublishedConnectorStore(database.dataSource());
                List<String> log = new ArrayList<>();
                Set<String> keysInUse = new HashSet<>();
                try {
                    for (int step = 0; step < STEPS; step++) {
                        publishedStep(random, memory, jdbc, log, keysInUse);
                    }
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + seed + " (-D" + Seeds.SEED_PROPERTY + "=" + seed + "), scenario "
                            + scenario + ", after:\n  " + String.join("\n  ", log.subList(Math.max(0, log.size() - 15),
                            log.size())) + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    private static void publishedStep(Random random, PublishedConnectorStore memory, PublishedConnectorStore jdbc,
            List<String> log, Set<String> keysInUse) {
        String id = "id-" + random.nextInt(10);
        int roll = random.nextInt(100);
        if (roll < 40) {
            // as the staged store sees to it, a key belongs to one id (the memory store's findByKey
            // answers any of several)
            String key = memory.findById(id).map(Connector::key).getOrElse(() -> {
                String fresh = key(random);
                return fresh == null || keysInUse.add(fresh) ? fresh : null;
            });
            ConnectorStaged staged = randomConnector(random, id, key);
            ConnectorStaged company = staged.withCreator(staged.creator().withCompany(
                    random.nextBoolean() ? null : NAMES.get(random.nextInt(3))));
            Connector c = Connector.publishedFrom(company, 1 + random.nextInt(5), random.nextBoolean());
            boolean listed = random.nextBoolean();
            log.add("save " + c.id() + " key " + c.key() + " private " + c.isPrivate() + " listed " + listed);
            memory.save(c, listed);
            jdbc.save(c, listed);
        } else if (roll < 55) {
            boolean listed = random.nextBoolean();
            log.add("setListed " + id + " " + listed);
            assertEquals(memory.setListed(id, listed), jdbc.setListed(id, listed), log.get(log.size() - 1));
        } else if (roll < 65) {
            String key = key(random);
            log.add("find " + id + " and key " + key);
            assertEquals(memory.findById(id), jdbc.findById(id), log.get(log.size() - 1));
            assertEquals(memory.findByKey(key), jdbc.findByKey(key), log.get(log.size() - 1));
        } else {
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (int i = random.nextInt(4) == 0 ? random.nextInt(4) : 0; i > 0; i--) {
                ids.add("id-" + random.nextInt(10));
            }
            for (int i = random.nextInt(4) == 0 ? random.nextInt(4) : 0; i > 0; i--) {
                String key = key(random);
                if (key != null) {
                    keys.add(key);
                }
            }
            ConnectorSearch search = ConnectorSearch.defaults()
                    .withText(random.nextInt(3) == 0 ? List.of("a", "ALP", "é", " ", "\uD83D").get(random.nextInt(5)) : null)
                    .withIsPrivate(random.nextInt(3) == 0 ? null : random.nextBoolean())
                    .withCreatorCompany(random.nextInt(4) == 0 ? NAMES.get(random.nextInt(3)) : null)
                    .withIds(ids).withKeys(keys)
                    .withIntegrationTypes(types(random, 3))
                    .withSort(sorts(random, SortField.values()))
                    .withLimit(random.nextInt(8))
                    .withOffset(random.nextInt(4) == 0 ? 0 : random.nextInt(10));
            log.add("search " + search);
            assertEquals(memory.search(search), jdbc.search(search), log.get(log.size() - 1));
        }
    }

    private static ConnectorStaged randomConnector(Random random, String id, String key) {
        ConnectorStatus[] statuses = ConnectorStatus.values();
        return Connectors.minimal(id, key)
                .withName(NAMES.get(random.nextInt(NAMES.size())))
                .withDescription(random.nextBoolean() ? null : NAMES.get(random.nextInt(NAMES.size())) + " described")
                .withVersion(1 + random.nextInt(4))
                .withStatus(statuses[random.nextInt(statuses.length)])
                .withPrivate(random.nextBoolean())
                .withIntegrationTypes(new ArrayList<>(types(random, 4)));
    }

    private static String key(Random random) {
        int n = random.nextInt(7);
        return n == 0 ? null : "key-" + n;
    }

    private static Set<IntegrationType> types(Random random, int max) {
        Set<IntegrationType> types = new HashSet<>();
        IntegrationType[] some = {IntegrationType.TAX, IntegrationType.PSP, IntegrationType.OMS, IntegrationType.OTHER};
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            types.add(some[random.nextInt(some.length)]);
        }
        return types;
    }

    private static List<Sort> sorts(Random random, SortField[] fields) {
        List<Sort> sort = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            sort.add(new Sort(fields[random.nextInt(fields.length)], random.nextBoolean()));
        }
        return sort;
    }

    private static String describe(ConnectorStaged c) {
        return c.id() + " key " + c.key() + " v" + c.version() + " '" + c.name() + "' private " + c.isPrivate() + " "
                + c.integrationTypes() + " " + c.status();
    }
}
