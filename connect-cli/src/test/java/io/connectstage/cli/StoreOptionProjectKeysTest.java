package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} resumes at start: the keys of every project with stored data. */
@DisplayName("the projects of a store")
class StoreOptionProjectKeysTest {
    private static final String PG_URL = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    private static final String PG_USER = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");

    @TempDir
    Path tmp;

    private static List<String> keysAfterOpening(String spec, String prefix, List<String> projects) {
        try (StoreOption stores = StoreOption.parse(spec, prefix)) {
            stores.published();
            projects.forEach(p -> stores.staged().apply(p));
        }
        try (StoreOption stores = StoreOption.parse(spec, prefix)) {
            return stores.projectKeys();
        }
    }

    @Test
    @DisplayName("are none in memory")
    void noneInMemory() {
        try (StoreOption stores = StoreOption.parse("memory")) {
            stores.staged().apply("shop-eu");
            assertEquals(List.of(), stores.projectKeys());
        }
    }

    @Test
    @DisplayName("are the projects of the files next to an H2 file, by their keys")
    void theFilesOfAnH2File() {
        assertEquals(List.of(), StoreOption.parse("jdbc:h2:file:" + tmp.resolve("none/db")).projectKeys());
        assertEquals(List.of("b2", "shop-eu"), keysAfterOpening("jdbc:h2:file:" + tmp.resolve("db"), "unused",
                List.of("shop-eu", "b2")));
    }

    @Test
    @DisplayName("are the projects of the prefix's schemas on PostgreSQL, by their real keys ('-' included), and no other prefix's")
    void theSchemasOfPostgres() throws Exception {
        String prefix = "pk" + Long.toHexString(System.nanoTime());
        String store = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "user=" + PG_USER + "&password=" + PG_PASSWORD;
        try {
            assertEquals(List.of("b2", "shop-eu"), keysAfterOpening(store, prefix, List.of("shop-eu", "b2")));
            assertEquals(List.of("other"), keysAfterOpening(store, prefix + "_x", List.of("other")));
            assertEquals(List.of("b2", "shop-eu"), keysAfterOpening(store, prefix, List.of()));
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
                for (String schema : List.of(prefix + "_shop_eu", prefix + "_b2", prefix, prefix + "_x_other", prefix + "_x")) {
                    s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                }
            }
        }
    }
}
