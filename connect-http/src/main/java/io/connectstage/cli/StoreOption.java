package io.connectstage.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.http.PerProjectSpaces.Stores;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcPublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * {@code serve --store}: {@code memory}, or {@code jdbc:URL} for an H2 file
 * ({@code jdbc:h2:file:PATH}), H2 in memory ({@code jdbc:h2:mem:NAME}) or PostgreSQL
 * ({@code jdbc:postgresql://HOST/DB?user=..&password=..}). Until the stores know the owning project,
 * each project gets a database of its own: {@code PATH-projectKey} for H2, schema
 * {@code connectstage_projectKey} for PostgreSQL.
 */
final class StoreOption implements AutoCloseable {
    private final String spec;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    private StoreOption(String spec) {
        this.spec = spec;
    }

    /** @throws IllegalArgumentException naming what is accepted */
    static StoreOption parse(String spec) {
        if (spec.equals("memory") || spec.startsWith("jdbc:h2:file:") || spec.startsWith("jdbc:h2:mem:")
                || spec.startsWith("jdbc:postgresql:")) {
            return new StoreOption(spec);
        }
        throw new IllegalArgumentException("--store is 'memory', 'jdbc:h2:file:PATH', 'jdbc:h2:mem:NAME' or"
                + " 'jdbc:postgresql://HOST[:PORT]/DB[?user=U&password=P]', not '" + redact(spec) + "'");
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    String describe() {
        return redact(spec);
    }

    Function<String, Stores> stores() {
        if (spec.equals("memory")) {
            return key -> Stores.memory();
        }
        return key -> {
            HikariDataSource pool = open(key);
            pools.add(pool);
            return new Stores(new JdbcConnectorStore(pool), new JdbcPublishedConnectorStore(pool));
        };
    }

    private HikariDataSource open(String projectKey) {
        if (spec.startsWith("jdbc:h2:file:")) {
            return JdbcStores.h2File(Path.of(spec.substring("jdbc:h2:file:".length()) + "-" + projectKey));
        }
        if (spec.startsWith("jdbc:h2:mem:")) {
            return JdbcStores.h2InMemory(spec.substring("jdbc:h2:mem:".length()) + "-" + projectKey);
        }
        String schema = "connectstage_" + projectKey.replace('-', '_');
        try (Connection c = DriverManager.getConnection(spec); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + " on " + redact(spec) + ": " + e.getMessage());
        }
        return JdbcStores.postgres(spec + (spec.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null);
    }

    /** Checks the database answers, before the server says it listens. */
    void check() {
        if (spec.startsWith("jdbc:postgresql:")) {
            try (Connection c = DriverManager.getConnection(spec)) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to " + redact(spec) + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        for (HikariDataSource pool : pools) {
            pool.close();
        }
    }
}
