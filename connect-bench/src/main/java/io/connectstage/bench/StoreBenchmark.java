package io.connectstage.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.action.ConnectorSetDescriptionAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.UpdateContext;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IntegrationType;
import io.connectstage.connector.Repository;
import io.connectstage.store.StoreRefusal;
import io.connectstage.staging.ConnectorStaging;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stores side by side over 100,000 connectors: the memory store (the baseline of the
 * ratios), the memory store as it was before its sorted indexes ({@code memory-sort}, to read
 * their cost and gain from one run), H2 in memory, H2 in a file (each commit written before it
 * returns) and PostgreSQL
 * (the server of {@code .ci/postgres}, or {@code CONNECTSTAGE_PG_URL} / {@code _USER} /
 * {@code _PASSWORD}). Three operations:
 *
 * <ul>
 *   <li>{@code insert}: a batch of 1,000 new connectors, deleted after each batch, so that every
 *       batch goes into the 100,000;</li>
 *   <li>{@code update}: what the service does per request: get by id, apply a
 *       {@code setDescription} with {@link ConnectorStaging#apply}, compare-and-set replace;</li>
 *   <li>{@code query}: private connectors of one integration type (each type in turn), sorted by
 *       name, the page of 20 at offset 1,000, and how many match;</li>
 *   <li>{@code insertAfterQueries}, {@code updateAfterQueries}: insert and update once each
 *       query has run (the memory store then keeps the indexes those queries use).</li>
 * </ul>
 *
 * <pre>{@code
 * java -jar connect-bench/target/benchmarks.jar StoreBenchmark -f 1 -wi 2 -i 3 -bm thrpt -tu s
 * }</pre>
 *
 * <p>The memory store's indexes alone (a write keeps indexes only after a query that uses them, so
 * the {@code …AfterQueries} writes are the ones that weigh them):
 *
 * <pre>{@code
 * java -jar connect-bench/target/benchmarks.jar 'StoreBenchmark\.(query|insert|update|insertAfterQueries|updateAfterQueries)$' \
 *     -p store=memory-sort,memory -f 1 -wi 3 -i 5 -bm avgt -tu us
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StoreBenchmark {
    /** Connectors in the store before measuring. */
    public static final int CONNECTORS = 100_000;
    /** Connectors one invocation of {@code insert} adds (and its teardown deletes). */
    public static final int INSERT_BATCH = 1_000;

    /**
     * The query of each integration type, taken in turn: a database may keep the result of a
     * query that it has just answered (H2 does), and a harness seldom asks the same twice.
     */
    static final ConnectorQuery[] PAGES = Stream.of(IntegrationType.values())
            .map(type -> ConnectorQuery.defaults()
                    .withIsPrivate(true)
                    .withIntegrationTypes(Set.of(type))
                    .withSort(List.of(Sort.asc(SortField.NAME)))
                    .withLimit(20)
                    .withOffset(1_000))
            .toArray(ConnectorQuery[]::new);
    static final UpdateContext CONTEXT = new UpdateContext(Instant.parse("2025-01-01T00:00:00.000Z"), "bench");

    @Param({"memory-sort", "memory", "h2", "h2file", "postgres"})
    public String store;

    private ConnectorStore connectors;
    private HikariDataSource pool;
    private Path folder;
    private String pgSchema;
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<String> insertedThisInvocation = new ArrayList<>();
    private int queried;

    @Setup(Level.Trial)
    public void load(BenchmarkParams params) throws Exception {
        connectors = open();
        long start = System.nanoTime();
        int threads = store.startsWith("memory") ? 1 : 4;
        ConnectorStore loader = connectors;
        HikariDataSource loadingPool = null;
        if (store.equals("postgres")) {
            // The load does not wait for PostgreSQL's log to reach the disk (the measured writes do).
            loadingPool = JdbcStores.postgres(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + pgSchema
                    + "&options=-c%20synchronous_commit%3Doff", pgUser(), pgPassword());
            loader = new JdbcConnectorStore(loadingPool);
        }
        ConnectorStore target = loader;
        ExecutorService loaders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(loaders.submit(() -> {
                    for (int n = part; n < CONNECTORS; n += threads) {
                        accepted(target.insert(connector(n)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            loaders.shutdownNow();
            if (loadingPool != null) {
                loadingPool.close();
            }
        }
        settle();
        System.out.printf("%n%s: %,d connectors loaded in %.1f s%n", store, CONNECTORS, (System.nanoTime() - start) / 1e9);
        // Only the benchmarks that are about queries run one before measuring: the memory store
        // keeps the index of a sort field from the first query that sorts by it on, so a query
        // here would make every later insert of that store pay for it (and not memory-sort's).
        String benchmark = params.getBenchmark();
        if (benchmark.endsWith(".query") || benchmark.endsWith("AfterQueries")) {
            for (ConnectorQuery query : PAGES) {
                connectors.query(query);
            }
            System.out.printf("the query of %s matches %,d%n", IntegrationType.values()[0].wireValue(),
                    connectors.query(PAGES[0]).total());
        }
    }

    /**
     * After the bulk load, the statistics and cleanup a database in use would have: without them
     * PostgreSQL plans on guesses and vacuums during the first measurements.
     */
    private void settle() throws SQLException {
        if (pool == null) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("connector_staged", "connector_staged_integration_type")) {
                s.execute((store.equals("postgres") ? "VACUUM ANALYZE " : "ANALYZE TABLE ") + table);
            }
        }
    }

    private ConnectorStore open() throws SQLException, IOException {
        switch (store) {
            case "memory":
                return new InMemoryConnectorStore();
            case "memory-sort":
                return new SortingMemoryStore();
            case "h2":
                pool = JdbcStores.h2InMemory("bench-" + UUID.randomUUID());
                return new JdbcConnectorStore(pool);
            case "h2file":
                folder = Files.createTempDirectory("connectstage-bench");
                pool = JdbcStores.h2File(folder.resolve("bench"));
                return new JdbcConnectorStore(pool);
            case "postgres":
                pgSchema = "bench_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
                pg("CREATE SCHEMA " + pgSchema);
                pool = JdbcStores.postgres(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + pgSchema,
                        pgUser(), pgPassword());
                return new JdbcConnectorStore(pool);
            default:
                throw new IllegalArgumentException("no store " + store);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        if (pool != null) {
            pool.close();
        }
        if (pgSchema != null) {
            pg("DROP SCHEMA " + pgSchema + " CASCADE");
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * The connectors an invocation of {@code insert} added go again, so that every batch is
     * inserted into the same 100,000. (Deleting them only after each iteration, as before, let
     * the faster store grow to several times the size of the slower one within an iteration, and
     * pay for that growth: map resizing and a larger heap to collect.)
     */
    @TearDown(Level.Invocation)
    public void removeInserted() {
        for (String id : insertedThisInvocation) {
            connectors.delete(id, 1);
        }
        insertedThisInvocation.clear();
    }

    /**
     * {@value #INSERT_BATCH} new connectors per invocation (created as the service does, then
     * inserted), reported per connector; the same ids in every invocation.
     */
    @Benchmark
    @OperationsPerInvocation(INSERT_BATCH)
    public void insert(Blackhole out) {
        for (int i = 0; i < INSERT_BATCH; i++) {
            ConnectorStaged c = connector(CONNECTORS + i);
            insertedThisInvocation.add(c.id());
            out.consume(accepted(connectors.insert(c)));
        }
    }

    /** {@link #insert} into a store that has answered each query of {@link #query} once before. */
    @Benchmark
    @OperationsPerInvocation(INSERT_BATCH)
    public void insertAfterQueries(Blackhole out) {
        insert(out);
    }

    /** {@link #update} in a store that has answered each query of {@link #query} once before. */
    @Benchmark
    public ConnectorStaged updateAfterQueries() {
        return update();
    }

    @Benchmark
    public ConnectorStaged update() {
        String id = id(random.nextInt(CONNECTORS));
        ConnectorStaged current = connectors.findById(id).get();
        ConnectorUpdate request = ConnectorUpdate.of(current.version(),
                new ConnectorSetDescriptionAction("description of version " + (current.version() + 1)));
        ConnectorStaged next = ConnectorStaging.apply(current, request, CONTEXT).get();
        return accepted(connectors.replace(next, current.version()));
    }

    @Benchmark
    public QueryPage query() {
        return connectors.query(PAGES[queried++ % PAGES.length]);
    }

    /** Connector {@code n}: half of them private, one to three integration types, names in random order. */
    static ConnectorStaged connector(int n) {
        SplittableRandom r = new SplittableRandom(n);
        IntegrationType[] all = IntegrationType.values();
        List<IntegrationType> types = new ArrayList<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            IntegrationType type = all[r.nextInt(all.length)];
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        ConnectorStagedDraft draft = ConnectorStagedDraft.of("Connector " + Long.toString(r.nextLong(1L << 40), 36),
                        new Creator("Mr", "John Doe", "john.doe@example.com", "commercetools", 3, null, null),
                        new Repository("git@github.com:commercetools/connect-application-kit.git", "1.0." + n % 50))
                .withKey("connector-" + n)
                .withDescription("A connector for the store benchmark, number " + n)
                .withIntegrationTypes(types);
        return ConnectorStaging.create(draft, id(n), CONTEXT.now()).get().withPrivate(n % 2 == 0);
    }

    static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    private static ConnectorStaged accepted(Either<StoreRefusal, ConnectorStaged> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("the store refused: " + result.getLeft());
        }
        return result.get();
    }

    private static void pg(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String pgUrl() {
        return env("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    }

    private static String pgUser() {
        return env("CONNECTSTAGE_PG_USER", "connectstage");
    }

    private static String pgPassword() {
        return env("CONNECTSTAGE_PG_PASSWORD", "connectstage");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
