package io.connectstage.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * Pooled data sources for the usual databases: a HikariCP {@link HikariDataSource} each, to
 * close when done. Give one to both stores:
 *
 * <pre>{@code
 * try (HikariDataSource db = JdbcStores.h2File(Path.of("data/connectstage"))) {
 *     ConnectorStore staged = new JdbcConnectorStore(db);
 *     PublishedConnectorStore published = new JdbcPublishedConnectorStore(db);
 *     ...
 * }
 * }</pre>
 *
 * <p>The pools open at most {@link #MAX_CONNECTIONS} connections (or the number given) and keep
 * two when idle; a caller waits up to 30 seconds for one (HikariCP's {@code connectionTimeout}),
 * then gets an {@code SQLException} that the stores report as a {@link JdbcStoreException}. A
 * PostgreSQL or in-memory pool opens no connection when it is made: an unreachable server is
 * reported by the first store that uses it; an H2 file is opened at once (see {@link #h2File}).
 * To share one pool among the stores of many schemas, see {@link SharedDatabase}.
 * Tune anything else on the returned data source (it is HikariCP's), or pass the stores a
 * {@code DataSource} of your own.
 */
public final class JdbcStores {
    /** How many connections the pools of this class open at most. */
    public static final int MAX_CONNECTIONS = 10;

    private static final int MIN_IDLE = 2;

    private JdbcStores() {
    }

    /**
     * An H2 database in this JVM's memory ({@code jdbc:h2:mem:name}). It lives until the data
     * source is closed, which drops it; data sources of the same name in one JVM share it.
     */
    public static HikariDataSource h2InMemory(String name) {
        return h2InMemory(name, MAX_CONNECTIONS);
    }

    /** {@link #h2InMemory(String)} with a pool of at most {@code maxConnections} connections. */
    public static HikariDataSource h2InMemory(String name, int maxConnections) {
        Objects.requireNonNull(name, "name is null");
        if (name.isEmpty() || name.contains(";")) {
            throw new IllegalArgumentException("an H2 database name is not empty and has no ';': " + name);
        }
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        return new ShutdownOnClose(h2(url, "connectstage-h2-mem", maxConnections), url, "SHUTDOWN");
    }

    /** The size an H2 file may reach before it is compacted while open (and its growth since the last compaction). */
    public static final long COMPACT_ABOVE_BYTES = 16L * 1024 * 1024;

    /**
     * An H2 database in a file ({@code jdbc:h2:file:path}; H2 adds {@code .mv.db} to the path),
     * created when missing and opened now. Each commit is written to the file before it returns
     * ({@code WRITE_DELAY=0}), and at the file's end ({@code REUSE_SPACE=FALSE}), so a write
     * the store acknowledged survives the process being killed. One process opens the file at a
     * time: a file another process holds is refused at once, in one sentence. Appending makes
     * the file grow by every commit (some 15 KB per replace), so while it is open it is compacted
     * in the background once it is past {@link #COMPACT_ABOVE_BYTES} and four times its size
     * after the last compaction ({@code SHUTDOWN COMPACT} between two requests: H2 writes the
     * live data to a new file and renames it over the old one; requests wait meanwhile), and
     * when the data source is closed.
     *
     * @throws JdbcStoreException when the file cannot be opened, for example because another process has it open
     */
    public static HikariDataSource h2File(Path path) {
        return h2File(path, MAX_CONNECTIONS);
    }

    /** {@link #h2File(Path)} with a pool of at most {@code maxConnections} connections. */
    public static HikariDataSource h2File(Path path, int maxConnections) {
        return h2File(path, maxConnections, COMPACT_ABOVE_BYTES);
    }

    /**
     * {@link #h2File(Path, int)} compacted once past {@code compactAboveBytes} (and four times
     * its size after the last compaction) rather than {@link #COMPACT_ABOVE_BYTES}.
     */
    public static HikariDataSource h2File(Path path, int maxConnections, long compactAboveBytes) {
        Objects.requireNonNull(path, "path is null");
        String file = path.toAbsolutePath().toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("an H2 database path has no ';': " + file);
        }
        // REUSE_SPACE=FALSE: H2 2.5.252 finds the newest commit on opening by the file header and the
        // chunk at the file's end. A commit written into reused space in the middle of the file
        // rewrites the header, but the header still names the commit before it (H2 writes it before
        // taking the new chunk as its last), so when the process dies before the next commit, the
        // file opens without that acknowledged commit. Appending every commit avoids the hole; the
        // price is a file that grows until the database is compacted: H2FileCompaction does it
        // while no commit is under way, and closing this source does it once more.
        String url = "jdbc:h2:file:" + file + ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
        HikariConfig config = h2(url, "connectstage-h2-file", maxConnections);
        config.setInitializationFailTimeout(1);
        config.setAllowPoolSuspension(true);
        // A connection of its own first: a file another process holds fails it at once, before any
        // pool (with its housekeeping thread) exists to be left behind; held open until the pool
        // has its first connection, so the database is not closed and opened again in between.
        ShutdownOnClose source;
        try (Connection probe = DriverManager.getConnection(url, "sa", "")) {
            source = new ShutdownOnClose(config, url, "SHUTDOWN COMPACT");
        } catch (SQLException | RuntimeException e) {
            throw H2Open.failure(file, e);
        }
        source.compaction = new H2FileCompaction(source, url, Path.of(file + ".mv.db"), compactAboveBytes);
        return source;
    }

    /**
     * A PostgreSQL server, e.g. {@code postgres("jdbc:postgresql://127.0.0.1:5432/connectstage",
     * "connectstage", "secret")}. Needs the driver {@code org.postgresql:postgresql} at run time.
     */
    public static HikariDataSource postgres(String url, String user, String password) {
        return postgres(url, user, password, MAX_CONNECTIONS);
    }

    /** {@link #postgres(String, String, String)} with a pool of at most {@code maxConnections} connections. */
    public static HikariDataSource postgres(String url, String user, String password, int maxConnections) {
        Objects.requireNonNull(url, "url is null");
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new JdbcStoreException("no JDBC driver takes " + url
                    + ": put org.postgresql:postgresql on the class path", e);
        }
        HikariConfig config = config("connectstage-postgres", maxConnections);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        return new HikariDataSource(config);
    }

    private static HikariConfig h2(String url, String poolName, int maxConnections) {
        HikariConfig config = config(poolName, maxConnections);
        config.setDriverClassName("org.h2.Driver");
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        return config;
    }

    private static HikariConfig config(String poolName, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a pool has at least 1 connection, not " + maxConnections);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName + "-" + UUID.randomUUID().toString().substring(0, 8));
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(Math.min(MIN_IDLE, maxConnections));
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /**
     * Closes the pool, then the database with one more statement on a connection of its own:
     * {@code SHUTDOWN} for a named in-memory database (H2 keeps it, with {@code DB_CLOSE_DELAY=-1},
     * until then: a pool that retires its connections must not drop the data, so only closing the
     * source does), {@code SHUTDOWN COMPACT} for a file (to give back the space that appending
     * every commit took).
     */
    private static final class ShutdownOnClose extends HikariDataSource {
        private final String url;
        private final String shutdown;
        private volatile H2FileCompaction compaction;

        ShutdownOnClose(HikariConfig config, String url, String shutdown) {
            super(config);
            this.url = url;
            this.shutdown = shutdown;
        }

        @Override
        public void close() {
            if (isClosed()) {
                return;
            }
            if (compaction != null) {
                compaction.close();
            }
            super.close();
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute(shutdown);
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot close the database: " + e.getMessage(), e);
            }
        }
    }
}
