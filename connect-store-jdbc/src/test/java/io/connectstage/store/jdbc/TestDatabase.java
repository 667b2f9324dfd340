package io.connectstage.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An empty database of its own for one test: H2 in memory, H2 in a file, or a fresh schema of
 * the PostgreSQL server that {@code .ci/postgres} starts. PostgreSQL tests never skip: when the
 * server does not answer, they fail and say how to start it.
 */
final class TestDatabase implements AutoCloseable {
    /** Where the PostgreSQL server is: environment variables, with the defaults of {@code .ci/postgres}. */
    static final String PG_URL = env("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    static final String PG_USER = env("CONNECTSTAGE_PG_USER", "connectstage");
    static final String PG_PASSWORD = env("CONNECTSTAGE_PG_PASSWORD", "connectstage");

    /** The kinds of database the stores run on. */
    enum Kind {
        H2_MEMORY, H2_FILE, POSTGRES;

        TestDatabase open(Path folder) {
            switch (this) {
                case H2_MEMORY:
                    return h2Memory();
                case H2_FILE:
                    return h2File(folder);
                case POSTGRES:
                    return postgres();
                default:
                    throw new IllegalStateException(name());
            }
        }
    }

    private final HikariDataSource pool;
    private final String schema;

    private TestDatabase(HikariDataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    static TestDatabase h2Memory() {
        return new TestDatabase(JdbcStores.h2InMemory("test-" + UUID.randomUUID()), null);
    }

    static TestDatabase h2File(Path folder) {
        return new TestDatabase(JdbcStores.h2File(folder.resolve("test-" + UUID.randomUUID())), null);
    }

    /** A new schema in the test database, made the connections' current one. */
    static TestDatabase postgres() {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(JdbcStores.postgres(url, PG_USER, PG_PASSWORD), schema);
    }

    /** Runs one statement on the PostgreSQL test database, outside any test schema. */
    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + PG_URL + " (user " + PG_USER + ") fails: " + e.getMessage()
                    + "\nThe PostgreSQL tests need the server: run .ci/postgres (or set CONNECTSTAGE_PG_URL,"
                    + " CONNECTSTAGE_PG_USER and CONNECTSTAGE_PG_PASSWORD)", e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    HikariDataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
