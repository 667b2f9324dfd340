package io.connectstage.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.Work;
import io.connectstage.testkit.Connectors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the stores do when the database fails them: a {@link JdbcStoreException}, never an SQLException. */
@DisplayName("The JDBC stores, when the database fails")
class JdbcFailureTest {
    private static final ConnectorStaged STAGED = Connectors.minimal("id-1", "key-1");
    private static final Connector PUBLISHED = Connector.publishedFrom(STAGED, 1, true);

    @TempDir
    Path folder;

    private static Map<String, Executable> everyOperation(JdbcConnectorStore staged, JdbcPublishedConnectorStore published) {
        return Map.ofEntries(
                Map.entry("findById", () -> staged.findById("id-1")),
                Map.entry("findByKey", () -> staged.findByKey("key-1")),
                Map.entry("insert", () -> staged.insert(STAGED)),
                Map.entry("replace", () -> staged.replace(STAGED.withVersion(2), 1)),
                Map.entry("delete", () -> staged.delete("id-1", 1)),
                Map.entry("query", () -> staged.query(ConnectorQuery.defaults())),
                Map.entry("replace with work", () -> staged.replace(STAGED.withVersion(2), 1,
                        List.of(Work.preview(STAGED.withVersion(2))), null)),
                Map.entry("claim", () -> staged.claim("p", Instant.EPOCH, Instant.EPOCH.plusSeconds(1))),
                Map.entry("complete", () -> staged.complete(Work.preview(STAGED)
                        .claimedBy("p", Instant.EPOCH))),
                Map.entry("work", staged::work),
                Map.entry("published findById", () -> published.findById("id-1")),
                Map.entry("published findByKey", () -> published.findByKey("key-1")),
                Map.entry("save", () -> published.save(PUBLISHED, true)),
                Map.entry("setListed", () -> published.setListed("id-1", false)),
                Map.entry("search", () -> published.search(ConnectorSearch.defaults())),
                Map.entry("search text", () -> published.search(ConnectorSearch.defaults().withText("x"))));
    }

    private static void assertEveryOperationFails(JdbcConnectorStore staged, JdbcPublishedConnectorStore published,
            String why) {
        everyOperation(staged, published).forEach((name, operation) -> {
            JdbcStoreException e = assertThrows(JdbcStoreException.class, operation, name + " " + why);
            assertInstanceOf(SQLException.class, e.getCause(), name);
            assertTrue(e.getMessage().startsWith("cannot "), e.getMessage());
        });
    }

    @Test
    @DisplayName("throw JdbcStoreException from every operation once the data source is closed")
    void dataSourceClosed() {
        HikariDataSource pool = TestDatabase.h2Memory().pool();
        JdbcConnectorStore staged = new JdbcConnectorStore(pool);
        JdbcPublishedConnectorStore published = new JdbcPublishedConnectorStore(pool);
        staged.insert(STAGED);
        pool.close();
        assertEveryOperationFails(staged, published, "on a closed pool");
    }

    @Test
    @DisplayName("throw JdbcStoreException from every operation when the tables are gone")
    void tablesGone() throws SQLException {
        try (TestDatabase database = TestDatabase.postgres()) {
            JdbcConnectorStore staged = new JdbcConnectorStore(database.dataSource());
            JdbcPublishedConnectorStore published = new JdbcPublishedConnectorStore(database.dataSource());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String table : List.of("connector_work", "connector_staged_integration_type", "connector_staged_count", "connector_staged",
                        "connector_published_integration_type", "connector_published")) {
                    s.execute("DROP TABLE " + table);
                }
            }
            assertEveryOperationFails(staged, published, "without tables");
        }
    }

    @Test
    @DisplayName("cannot be opened on a server that does not answer")
    void serverDown() {
        try (HikariDataSource pool = JdbcStores.postgres("jdbc:postgresql://127.0.0.1:1/connectstage?connectTimeout=2",
                "connectstage", "connectstage")) {
            pool.setConnectionTimeout(2_000);
            JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> new JdbcConnectorStore(pool));
            assertInstanceOf(SQLException.class, e.getCause());
            assertTrue(e.getMessage().contains("cannot create the connectstage schema"), e.getMessage());
        }
    }

    @Test
    @DisplayName("say which document they cannot read")
    void unreadableDocument() throws SQLException {
        try (TestDatabase database = TestDatabase.h2Memory()) {
            JdbcConnectorStore staged = new JdbcConnectorStore(database.dataSource());
            staged.insert(STAGED);
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE connector_staged SET document = '{\"id\": 42}'");
            }
            JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> staged.findById("id-1"));
            assertTrue(e.getMessage().contains("a stored document cannot be read"), e.getMessage());
            assertTrue(e.getMessage().contains("{\"id\": 42}"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    @DisplayName("refuse an insert whose count row is missing, and write none of it")
    void countRowMissing(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase database = kind.open(folder)) {
            JdbcConnectorStore staged = new JdbcConnectorStore(database.dataSource());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM connector_staged_count WHERE integration_type = 'tax'");
            }
            JdbcStoreException e = assertThrows(JdbcStoreException.class,
                    () -> staged.insert(STAGED.withIntegrationTypes(List.of(IntegrationType.TAX))));
            assertTrue(e.getMessage().contains("connector_staged_count"), e.getMessage());
            assertTrue(staged.findById(STAGED.id()).isEmpty());
            assertEquals(0, staged.query(ConnectorQuery.defaults()).total());
            assertEquals(STAGED, staged.insert(STAGED).get(), "a connector of no type still goes in");
        }
    }
}
