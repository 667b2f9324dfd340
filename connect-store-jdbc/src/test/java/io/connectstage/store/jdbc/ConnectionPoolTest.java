package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A ConnectionPool")
class ConnectionPoolTest {
    private final ConnectionPool pool = new ConnectionPool(h2("pool-" + UUID.randomUUID()), 2);

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static Connection raw(Connection leased) throws SQLException {
        return leased.unwrap(JdbcConnection.class);
    }

    @Test
    @DisplayName("lends the same connection again once it is given back")
    void reusesConnections() throws SQLException {
        Connection first;
        try (Connection c = pool.getConnection()) {
            first = raw(c);
        }
        try (Connection c = pool.getConnection()) {
            assertSame(first, raw(c));
        }
    }

    @Test
    @DisplayName("opens at most its number of connections; the next caller waits for one to come back")
    void boundsTheConnections() throws Exception {
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        assertNotSame(raw(a), raw(b));
        CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS));
        Connection rawA = raw(a);
        a.close();
        try (Connection c = third.get(10, TimeUnit.SECONDS)) {
            assertSame(rawA, raw(c));
        }
        b.close();
    }

    @Test
    @DisplayName("rolls back what a borrower left uncommitted, and gives the next one auto-commit")
    void resetsTransactions() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT)");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO t VALUES (1)");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM t")) {
            assertTrue(c.getAutoCommit());
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }

    @Test
    @DisplayName("takes a connection back once: closing twice is harmless, using it after is an error")
    void closedLeases() throws SQLException {
        Connection c = pool.getConnection();
        c.close();
        c.close();
        assertTrue(c.isClosed());
        assertThrows(SQLException.class, c::createStatement);
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            assertNotSame(raw(a), raw(b), "the double close gave back one permit, not two");
        }
    }

    @Test
    @DisplayName("drops a connection that broke, and opens a new one")
    void dropsBrokenConnections() throws SQLException {
        Connection broken;
        try (Connection c = pool.getConnection()) {
            broken = raw(c);
            broken.close();
            assertThrows(SQLException.class, () -> c.createStatement().execute("SELECT 1"));
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertNotSame(broken, raw(c));
            assertTrue(s.execute("SELECT 1"));
        }
    }

    @Test
    @DisplayName("when closed, closes its idle connections, those given back later, and lends no more")
    void closes() throws SQLException {
        Connection leased = pool.getConnection();
        Connection idle;
        try (Connection c = pool.getConnection()) {
            idle = raw(c);
        }
        pool.close();
        assertTrue(idle.isClosed());
        Connection rawLeased = raw(leased);
        assertFalse(rawLeased.isClosed());
        leased.close();
        assertTrue(rawLeased.isClosed());
        assertThrows(SQLException.class, pool::getConnection);
    }

    @Test
    @DisplayName("of H2 in memory shares the database by name, and drops it when closed")
    void h2InMemoryDropsTheDatabase() throws SQLException {
        String name = "dropped-" + UUID.randomUUID();
        try (ConnectionPool first = JdbcStores.h2InMemory(name)) {
            execute(first, "CREATE TABLE kept_until_close (n INT)");
            try (ConnectionPool second = JdbcStores.h2InMemory(name)) {
                execute(second, "SELECT COUNT(*) FROM kept_until_close");
            }
        }
        try (ConnectionPool again = JdbcStores.h2InMemory(name)) {
            assertThrows(SQLException.class, () -> execute(again, "SELECT COUNT(*) FROM kept_until_close"));
        }
    }

    private static void execute(ConnectionPool pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    @DisplayName("of PostgreSQL needs the driver only at run time, and says so when it is missing")
    void postgresNeedsADriver() {
        JdbcStoreException e = assertThrows(JdbcStoreException.class,
                () -> JdbcStores.postgres("jdbc:nosuchdriver://localhost/db", "u", "p"));
        assertTrue(e.getMessage().contains("org.postgresql:postgresql"), e.getMessage());
    }

    @Test
    @DisplayName("serves many threads without losing a permit")
    void manyThreads() throws Exception {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        s.execute("SELECT 1");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            assertNotSame(raw(a), raw(b));
        }
    }
}
