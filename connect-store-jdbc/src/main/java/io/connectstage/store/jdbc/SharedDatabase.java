package io.connectstage.store.jdbc;

import io.connectstage.store.jdbc.internal.Dialect;
import io.connectstage.store.jdbc.internal.Jdbc;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One pool of connections to one database (H2 or PostgreSQL), shared by the stores of many
 * schemas: {@link #schema} answers a data source whose connections have that schema as their
 * current one, so that the stores' unqualified table names land there. Many projects, one pool:
 * the database sees at most the pool's size of connections, whatever the number of schemas.
 *
 * <p>A connection taken from the pool is switched to the wanted schema ({@code SET SCHEMA} on H2,
 * {@code SET search_path} on PostgreSQL) only when it was last used for another one; the schema
 * each pooled connection is in is remembered here, so a server with one busy project pays nothing.
 * Closing this closes the pool.
 *
 * <pre>{@code
 * try (SharedDatabase db = new SharedDatabase(JdbcStores.postgres(url, user, password))) {
 *     ConnectorStore a = new JdbcConnectorStore(db.schema("project_a"));
 *     ConnectorStore b = new JdbcConnectorStore(db.schema("project_b"));
 * }
 * }</pre>
 */
public final class SharedDatabase implements AutoCloseable {
    /** A schema name this class takes: quoted as it is, so no case folding and nothing to escape. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final DataSource pool;
    private final AutoCloseable closer;
    private final Dialect dialect;
    /** The schema each physical connection is in, as far as this class switched it. */
    private final Map<Connection, String> current = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Shares this pool; closing the result closes it. Opens one connection to learn the database
     * (and to fail now, rather than at the first request, when it cannot be reached).
     *
     * @throws JdbcStoreException when the database cannot be reached; the pool is closed then
     */
    public <P extends DataSource & AutoCloseable> SharedDatabase(P pool) {
        this.pool = Objects.requireNonNull(pool, "pool is null");
        this.closer = pool;
        try {
            this.dialect = new Jdbc(pool).autoCommit("connect to the database", Dialect::of);
        } catch (RuntimeException e) {
            closeQuietly(pool, e);
            throw e;
        }
    }

    /**
     * A data source over the shared pool whose connections are in this schema, created now when
     * missing. On PostgreSQL the creation holds a transaction-scoped advisory lock of the schema's
     * name, so that several servers meeting a new schema at once do not race to create it.
     *
     * @throws IllegalArgumentException when the name is not a letter then up to 62 of letters, digits and _
     * @throws JdbcStoreException when the database fails
     */
    public DataSource schema(String name) {
        Objects.requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a schema name is a letter, then up to 62 letters, digits and _, not '"
                    + name + "'");
        }
        new Jdbc(pool).transaction("create schema " + name, c -> {
            if (dialect == Dialect.POSTGRESQL) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, name);
                    lock.execute();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS \"" + name + "\"");
            }
            return null;
        });
        return new InSchema(name);
    }

    /** Whether this is H2 (in memory or in a file) rather than PostgreSQL. */
    public boolean isH2() {
        return dialect == Dialect.H2;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new JdbcStoreException("cannot close the database: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable pool, Throwable cause) {
        try {
            pool.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** Takes a pooled connection and puts it in the schema when it is in another one. */
    private Connection connection(String schema) throws SQLException {
        Connection connection = pool.getConnection();
        try {
            Connection physical = connection.unwrap(Connection.class);
            if (!schema.equals(current.get(physical))) {
                current.remove(physical); // unknown until the switch succeeds
                try (Statement s = connection.createStatement()) {
                    s.execute((dialect == Dialect.POSTGRESQL ? "SET search_path TO \"" : "SET SCHEMA \"") + schema + "\"");
                }
                current.put(physical, schema);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** The data source of one schema: every connection it gives is in that schema. */
    final class InSchema implements DataSource {
        private final String schema;

        InSchema(String schema) {
            this.schema = schema;
        }

        /** The name of this schema, as created (quoted). */
        String name() {
            return schema;
        }

        /** The database whose pool gives this data source's connections. */
        SharedDatabase database() {
            return SharedDatabase.this;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(schema);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the shared pool has one user");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper of " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }

        @Override
        public String toString() {
            return "schema " + schema + " of " + pool;
        }
    }
}
