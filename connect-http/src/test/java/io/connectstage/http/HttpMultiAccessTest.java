package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.http.PublishedAccess.Access;
import io.connectstage.store.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PublishedAccess}: in memory, on H2 and on PostgreSQL, the same answers. */
@DisplayName("who may read a published Connector")
class HttpMultiAccessTest {

    private static void contract(PublishedAccess access) {
        assertEquals(Optional.empty(), access.find("c1"));
        access.record("c1", new Access("project-a", List.of("europe-west1.gcp:project-b")));
        Access a = access.find("c1").orElseThrow();
        assertTrue(a.allows("project-a"));
        assertTrue(a.allows("project-b"));
        assertFalse(a.allows("project-c"));
        assertFalse(a.allows("b"));
        access.record("c1", new Access("project-a", List.of()));
        assertEquals(new Access("project-a", List.of()), access.find("c1").orElseThrow());
        assertFalse(access.find("c1").orElseThrow().allows("project-b"));
    }

    @Test
    void inMemory() {
        contract(PublishedAccess.memory());
    }

    @Test
    void onH2() {
        try (HikariDataSource db = JdbcStores.h2InMemory("access-" + System.nanoTime())) {
            contract(new JdbcPublishedAccess(db));
            contract(fresh(db)); // opened again over the table that exists
        }
    }

    private static PublishedAccess fresh(HikariDataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM connector_published_access");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return new JdbcPublishedAccess(db);
    }

    @Test
    void onPostgres() throws Exception {
        String url = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
        String user = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
        String password = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");
        String schema = "access_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (HikariDataSource db = JdbcStores.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password)) {
            contract(new JdbcPublishedAccess(db));
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
