package io.connectstage.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The stores of {@code serve --store} for the publishing tests: H2 in memory, or PostgreSQL under a schema prefix of their own. */
final class ServeStores {
    static final String PG_URL = System.getenv().getOrDefault("CONNECTSTAGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/connectstage");
    static final String PG_USER = System.getenv().getOrDefault("CONNECTSTAGE_PG_USER", "connectstage");
    static final String PG_PASSWORD = System.getenv().getOrDefault("CONNECTSTAGE_PG_PASSWORD", "connectstage");

    private ServeStores() {
    }

    /** A new H2 database in memory, as {@code --store jdbc:h2:mem:NAME} opens it. */
    static StoreOption h2() {
        StoreOption option = StoreOption.parse("jdbc:h2:mem:publishing" + Long.toHexString(System.nanoTime()));
        option.check();
        return option;
    }

    /** PostgreSQL with the schemas of this prefix, as {@code --store jdbc:postgresql:… --schema-prefix PREFIX} opens it. */
    static StoreOption postgres(String prefix) {
        StoreOption option = StoreOption.parse(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "user=" + PG_USER
                + "&password=" + PG_PASSWORD, prefix);
        option.check();
        return option;
    }

    /** A schema prefix no other test uses. */
    static String prefix() {
        return "pub" + Long.toHexString(System.nanoTime());
    }

    /** Drops the schemas of this prefix. */
    static void dropSchemas(String prefix) throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
            }
        }
    }
}
