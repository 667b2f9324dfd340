package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.ConnectorStaged;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The data sources of JdbcStores")
class JdbcStoresTest {
    private final HikariDataSource pool = JdbcStores.h2InMemory("pool-" + UUID.randomUUID());

    @TempDir
    Path folder;

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    @DisplayName("open at most MAX_CONNECTIONS; the next caller waits, then fails with an SQLException")
    void boundTheConnections() throws SQLException {
        pool.setConnectionTimeout(500);
        List<Connection> leased = new ArrayList<>();
        for (int i = 0; i < JdbcStores.MAX_CONNECTIONS; i++) {
            leased.add(pool.getConnection());
        }
        long start = System.nanoTime();
        assertThrows(SQLException.class, pool::getConnection);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(400), "it waited for a connection");
        leased.remove(0).close();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            assertTrue(s.execute("SELECT 1"));
        }
        for (Connection c : leased) {
            c.close();
        }
    }

    @Test
    @DisplayName("roll back what a borrower left uncommitted, and give the next one auto-commit")
    void resetTransactions() throws SQLException {
        execute(pool, "CREATE TABLE t (n INT)");
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
    @DisplayName("lend no connection once closed")
    void closed() {
        pool.close();
        assertTrue(pool.isClosed());
        assertThrows(SQLException.class, pool::getConnection);
    }

    @Test
    @DisplayName("of H2 in memory share the database by name, and drop it when closed")
    void h2InMemoryDropsTheDatabase() throws SQLException {
        String name = "dropped-" + UUID.randomUUID();
        try (HikariDataSource first = JdbcStores.h2InMemory(name)) {
            execute(first, "CREATE TABLE kept_until_close (n INT)");
            try (HikariDataSource second = JdbcStores.h2InMemory(name)) {
                execute(second, "SELECT COUNT(*) FROM kept_until_close");
            }
        }
        try (HikariDataSource again = JdbcStores.h2InMemory(name)) {
            assertThrows(SQLException.class, () -> execute(again, "SELECT COUNT(*) FROM kept_until_close"));
        }
    }

    @Test
    @DisplayName("of an H2 file write each commit before it returns (WRITE_DELAY=0)")
    void h2FileWritesEachCommit() throws SQLException {
        assertEquals("0", h2FileSetting("delay", "WRITE_DELAY"));
    }

    @Test
    @DisplayName("of an H2 file append each commit at the file's end (REUSE_SPACE=FALSE)")
    void h2FileAppendsEachCommit() throws SQLException {
        assertEquals("FALSE", h2FileSetting("reuse", "REUSE_SPACE"));
    }

    /** The value of H2's setting {@code name} in a database opened by {@link JdbcStores#h2File} at {@code file}. */
    private String h2FileSetting(String file, String name) throws SQLException {
        try (HikariDataSource source = JdbcStores.h2File(folder.resolve(file));
             Connection c = source.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), name);
                return rows.getString(1);
            }
        }
    }

    @Test
    @DisplayName("of an H2 file give back, on close, the space that appending each commit took, and keep every commit")
    void h2FileCompactsOnClose() throws Exception {
        Path path = folder.resolve("compact");
        Path file = folder.resolve("compact.mv.db");
        long grown;
        try (HikariDataSource source = JdbcStores.h2File(path)) {
            execute(source, "CREATE TABLE counter (id INT PRIMARY KEY, n INT, padding VARCHAR(2000))");
            execute(source, "INSERT INTO counter VALUES (1, 0, REPEAT('x', 2000))");
            for (int i = 0; i < 300; i++) {
                execute(source, "UPDATE counter SET n = n + 1 WHERE id = 1");
            }
            grown = Files.size(file);
        }
        long compacted = Files.size(file);
        assertTrue(compacted < grown / 4, "the file was " + grown + " bytes before closing and " + compacted + " after");
        try (HikariDataSource again = JdbcStores.h2File(path);
             Connection c = again.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT n FROM counter WHERE id = 1")) {
            assertTrue(rows.next());
            assertEquals(300, rows.getInt(1));
        }
    }

    @Test
    @DisplayName("of an H2 file keep it bounded while it is open, compacting it between writes, and keep every write")
    void h2FileStaysBoundedWhileOpen() throws Exception {
        Path path = folder.resolve("bounded");
        Path file = folder.resolve("bounded.mv.db");
        int updates = 2_500; // some 37 MB of appended commits without compaction
        long largest = 0;
        ConnectorStaged current = io.connectstage.testkit.Connectors.fullyPopulated("bounded-1", "bounded-key").withVersion(1);
        try (HikariDataSource source = JdbcStores.h2File(path)) {
            JdbcConnectorStore store = new JdbcConnectorStore(source);
            store.insert(current).get();
            for (int i = 0; i < updates; i++) {
                ConnectorStaged next = current.withVersion(current.version() + 1).withDescription("update " + i);
                current = store.replace(next, current.version()).get();
                largest = Math.max(largest, Files.size(file));
            }
            long open = Files.size(file);
            // JdbcStores.COMPACT_ABOVE_BYTES (16 MB), and what the writes add while a check waits
            assertTrue(open < 24L * 1024 * 1024, "the open file has " + open
                    + " bytes after " + updates + " updates (at most " + largest + ")");
            assertEquals(Option.some(current), store.findById("bounded-1"));
        }
        try (HikariDataSource again = JdbcStores.h2File(path)) {
            assertEquals(Option.some(current), new JdbcConnectorStore(again).findById("bounded-1"));
        }
    }

    @Test
    @DisplayName("of PostgreSQL need the driver only at run time, and say so when it is missing")
    void postgresNeedsADriver() {
        JdbcStoreException e = assertThrows(JdbcStoreException.class,
                () -> JdbcStores.postgres("jdbc:nosuchdriver://localhost/db", "u", "p"));
        assertTrue(e.getMessage().contains("org.postgresql:postgresql"), e.getMessage());
    }

    @Test
    @DisplayName("serve many threads, and give every connection back")
    void manyThreads() throws Exception {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int t = 0; t < 2 * JdbcStores.MAX_CONNECTIONS; t++) {
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        execute(pool, "SELECT 1");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
    }

    private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
