package io.connectstage.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool of connections over a plain {@link DataSource}, so that a store does not open a
 * connection (a new server process, for PostgreSQL) per call. At most {@code maxConnections}
 * are open; a caller waits up to 30 seconds for one. A connection goes back to the pool when it
 * is closed, rolled back and in auto-commit mode; one that has failed and no longer answers is
 * dropped. {@link #close()} closes the idle connections, and the others as they come back.
 *
 * <p>It is what {@link JdbcStores} hands out; with a pool of your own (HikariCP, …), give the
 * stores that one instead.
 *
 * <pre>{@code
 * try (ConnectionPool pool = new ConnectionPool(pgSimpleDataSource, 10)) {
 *     ConnectorStore store = new JdbcConnectorStore(pool);
 * }
 * }</pre>
 */
public final class ConnectionPool implements DataSource, AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final DataSource target;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final String onClose;
    private volatile boolean closed;

    /** A pool of at most {@code maxConnections} connections of {@code target}. */
    public ConnectionPool(DataSource target, int maxConnections) {
        this(target, maxConnections, null);
    }

    /** A pool that runs the statement {@code onClose} (if not {@code null}) when it is closed. */
    ConnectionPool(DataSource target, int maxConnections, String onClose) {
        this.target = Objects.requireNonNull(target, "target is null");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        this.permits = new Semaphore(maxConnections, true);
        this.onClose = onClose;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the connection pool is closed", "08003");
        }
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no connection came free in " + WAIT_SECONDS + " seconds", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", "08001", e);
        }
        try {
            Connection raw = idle.pollFirst();
            while (raw != null && raw.isClosed()) {
                raw = idle.pollFirst();
            }
            if (raw == null) {
                raw = target.getConnection();
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Lease(raw));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Closes the idle connections now and the leased ones when they come back; then runs the closing statement. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        if (onClose != null) {
            try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(onClose);
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot close the database: " + e.getMessage(), e);
            }
        }
    }

    private void drain() {
        for (Connection raw = idle.pollFirst(); raw != null; raw = idle.pollFirst()) {
            closeQuietly(raw);
        }
    }

    private static void closeQuietly(Connection raw) {
        try {
            raw.close();
        } catch (SQLException ignored) {
            // it is being dropped because it is broken or no longer wanted
        }
    }

    /** One connection lent out: closing it gives it back. Used by one thread at a time, as JDBC connections are. */
    private final class Lease implements InvocationHandler {
        private final Connection raw;
        private boolean returned;
        private boolean failed;

        Lease(Connection raw) {
            this.raw = raw;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    giveBack();
                    return null;
                case "isClosed":
                    return returned || raw.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "pooled " + raw;
                default:
                    break;
            }
            if (returned) {
                throw new SQLException("the connection is closed", "08003");
            }
            try {
                return method.invoke(raw, args);
            } catch (InvocationTargetException e) {
                failed |= e.getCause() instanceof SQLException;
                throw e.getCause();
            }
        }

        private void giveBack() {
            if (returned) {
                return;
            }
            returned = true;
            try {
                if (closed || raw.isClosed() || (failed && !raw.isValid(2))) {
                    closeQuietly(raw);
                    return;
                }
                if (!raw.getAutoCommit()) {
                    raw.rollback();
                    raw.setAutoCommit(true);
                }
                idle.offerFirst(raw);
                if (closed) {
                    drain();
                }
            } catch (SQLException e) {
                closeQuietly(raw);
            } finally {
                permits.release();
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a pool has one user: use getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
