package io.connectstage.store.jdbc;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Data sources for the usual databases, each a {@link ConnectionPool} to close when done. Give
 * one to both stores:
 *
 * <pre>{@code
 * try (ConnectionPool db = JdbcStores.h2File(Path.of("data/connectstage"))) {
 *     ConnectorStore staged = new JdbcConnectorStore(db);
 *     PublishedConnectorStore published = new JdbcPublishedConnectorStore(db);
 *     ...
 * }
 * }</pre>
 */
public final class JdbcStores {
    /** How many connections the pools of this class open at most. */
    public static final int MAX_CONNECTIONS = 10;

    private JdbcStores() {
    }

    /**
     * An H2 database in this JVM's memory ({@code jdbc:h2:mem:name}). It lives until the pool is
     * closed, which drops it; pools of the same name in one JVM share it.
     */
    public static ConnectionPool h2InMemory(String name) {
        Objects.requireNonNull(name, "name is null");
        if (name.isEmpty() || name.contains(";")) {
            throw new IllegalArgumentException("an H2 database name is not empty and has no ';': " + name);
        }
        return new ConnectionPool(h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"), MAX_CONNECTIONS, "SHUTDOWN");
    }

    /**
     * An H2 database in a file ({@code jdbc:h2:file:path}; H2 adds {@code .mv.db} to the path),
     * created when missing. Each commit is written to the file before it returns
     * ({@code WRITE_DELAY=0}), so a write the store acknowledged survives the process being
     * killed. One process opens the file at a time.
     */
    public static ConnectionPool h2File(Path path) {
        Objects.requireNonNull(path, "path is null");
        String file = path.toAbsolutePath().toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("an H2 database path has no ';': " + file);
        }
        return new ConnectionPool(h2("jdbc:h2:file:" + file + ";WRITE_DELAY=0"), MAX_CONNECTIONS);
    }

    /**
     * A PostgreSQL server, e.g. {@code postgres("jdbc:postgresql://127.0.0.1:5432/connectstage",
     * "connectstage", "secret")}. Needs the driver {@code org.postgresql:postgresql} at run time.
     */
    public static ConnectionPool postgres(String url, String user, String password) {
        Objects.requireNonNull(url, "url is null");
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new JdbcStoreException("no JDBC driver takes " + url
                    + ": put org.postgresql:postgresql on the class path", e);
        }
        return new ConnectionPool(new DriverManagerSource(url, user, password), MAX_CONNECTIONS);
    }

    private static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /** Connections from {@link DriverManager}, so that this module needs no server driver to compile. */
    private static final class DriverManagerSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;
        private int loginTimeout;

        DriverManagerSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username, pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return DriverManager.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            DriverManager.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
