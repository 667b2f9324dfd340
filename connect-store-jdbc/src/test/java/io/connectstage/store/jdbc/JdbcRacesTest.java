package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.StoreRefusal;
import io.connectstage.testkit.Connectors;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writers that race for one key, one id or one version: the database lets exactly one win. */
@DisplayName("JdbcConnectorStore under racing writers")
class JdbcRacesTest {
    private static final int WRITERS = 6;
    private static final int ROUNDS = 30;

    @TempDir
    Path folder;
    private TestDatabase database;

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("lets one of several inserts with the same key win; the others get DuplicateField on key")
    void insertsWithOneKey(TestDatabase.Kind kind) throws Exception {
        database = kind.open(folder);
        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
        for (int round = 0; round < ROUNDS; round++) {
            String key = "key-" + round;
            int r = round;
            List<Either<ConnectError, ConnectorStaged>> answers = race(w ->
                    store.insert(Connectors.minimal("id-" + r + "-" + w, key)).mapLeft(StoreRefusal::toError));
            assertEquals(Map.of("won", 1, "DuplicateField key", WRITERS - 1), tally(answers), "round " + round);
            ConnectorStaged winner = answers.stream().filter(Either::isRight).findFirst().orElseThrow().get();
            assertEquals(Option.some(winner), store.findByKey(key));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("lets one of several inserts with the same id win; the others get DuplicateField on id")
    void insertsWithOneId(TestDatabase.Kind kind) throws Exception {
        database = kind.open(folder);
        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
        for (int round = 0; round < ROUNDS; round++) {
            String id = "id-" + round;
            int r = round;
            List<Either<ConnectError, ConnectorStaged>> answers = race(w ->
                    store.insert(Connectors.minimal(id, "key-" + r + "-" + w)).mapLeft(StoreRefusal::toError));
            assertEquals(Map.of("won", 1, "DuplicateField id", WRITERS - 1), tally(answers), "round " + round);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("lets one of a delete and replaces of one version win, changing privacy and types too")
    void deleteAndReplaces(TestDatabase.Kind kind) throws Exception {
        database = kind.open(folder);
        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
        for (int round = 0; round < ROUNDS; round++) {
            ConnectorStaged stored = store.insert(Connectors.fullyPopulated("id-" + round, "key-" + round)).get();
            List<Either<ConnectError, ConnectorStaged>> answers = race(w -> w == 0
                    ? store.delete(stored.id(), stored.version()).mapLeft(StoreRefusal::toError)
                    : store.replace(stored.withVersion(stored.version() + 1).withPrivate(w % 2 == 0)
                            .withIntegrationTypes(w % 3 == 0 ? List.of() : stored.integrationTypes())
                            .withDescription("writer " + w), stored.version()).mapLeft(StoreRefusal::toError));
            Map<String, Integer> tally = tally(answers);
            assertEquals(1, tally.get("won"), "round " + round + ": " + tally);
            Option<ConnectorStaged> found = store.findById(stored.id());
            if (answers.get(0).isRight()) {
                assertEquals(Option.none(), found, "the delete won");
            } else {
                ConnectorStaged winner = answers.stream().filter(Either::isRight).findFirst().orElseThrow().get();
                assertEquals(Option.some(winner), found);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("keeps the totals of every type and privacy exact under concurrent inserts, moves and deletes")
    void countsUnderConcurrentWriters(TestDatabase.Kind kind) throws Exception {
        database = kind.open(folder);
        JdbcConnectorStore store = new JdbcConnectorStore(database.dataSource());
        List<IntegrationType> types = List.of(IntegrationType.values());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        // both orders of two types, so that writers lock the same count rows from either side
                        List<IntegrationType> two = List.of(types.get((writer + i) % types.size()),
                                types.get((writer + 2 * i + 1) % types.size()));
                        ConnectorStaged c = store.insert(Connectors.minimal("id-" + writer + "-" + i, null)
                                .withPrivate(i % 2 == 0).withIntegrationTypes(i % 4 == 0 ? List.of() : two)).get();
                        if (i % 3 == 1) {
                            store.replace(c.withVersion(2).withPrivate(!c.isPrivate())
                                    .withIntegrationTypes(List.of(two.get(1), types.get(i % types.size()))), 1).get();
                        } else if (i % 3 == 2) {
                            store.delete(c.id(), 1).get();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ConnectorStaged> held = store.query(ConnectorQuery.defaults().withLimit(ConnectorQuery.MAX_LIMIT)).results();
        for (Set<IntegrationType> filter : Stream.concat(Stream.of(Set.<IntegrationType>of()), types.stream().map(Set::of))
                .toList()) {
            for (Boolean isPrivate : Arrays.asList(null, true, false)) {
                ConnectorQuery query = ConnectorQuery.defaults().withIntegrationTypes(filter).withIsPrivate(isPrivate)
                        .withLimit(0);
                assertEquals(held.stream().filter(query::matches).count(), store.query(query).total(), query.toString());
            }
        }
    }

    private static List<Either<ConnectError, ConnectorStaged>> race(
            IntFunction<Either<ConnectError, ConnectorStaged>> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        try {
            List<Future<Either<ConnectError, ConnectorStaged>>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int n = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    return writer.apply(n);
                }));
            }
            List<Either<ConnectError, ConnectorStaged>> answers = new ArrayList<>();
            for (Future<Either<ConnectError, ConnectorStaged>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Integer> tally(List<Either<ConnectError, ConnectorStaged>> answers) {
        Map<String, Integer> tally = new TreeMap<>();
        for (Either<ConnectError, ConnectorStaged> answer : answers) {
            String what = answer.isRight() ? "won"
                    : answer.getLeft().code() == ErrorCode.DUPLICATE_FIELD
                    ? "DuplicateField " + answer.getLeft().fields().get("field")
                    : answer.getLeft().code().toString();
            tally.merge(what, 1, Integer::sum);
        }
        return tally;
    }
}
