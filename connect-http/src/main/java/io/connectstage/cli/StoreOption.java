package io.connectstage.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.http.JdbcPublishedAccess;
import io.connectstage.http.PublishedAccess;
import io.connectstage.http.SharedPublished;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcDeploymentStore;
import io.connectstage.store.jdbc.JdbcPublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * {@code serve --store}: {@code memory}, or {@code jdbc:URL} for an H2 file
 * ({@code jdbc:h2:file:PATH}), H2 in memory ({@code jdbc:h2:mem:NAME}) or PostgreSQL
 * ({@code jdbc:postgresql://HOST/DB?user=..&password=..}). Until the stores know the owning project,
 * each project gets a database of its own for its staged connectors: {@code PATH-projectKey} for
 * H2, schema {@code PREFIX_projectKey} for PostgreSQL (prefix {@code connectstage} unless
 * {@code --schema-prefix} says otherwise). The published Connectors are shared by all projects:
 * {@code PATH} itself for H2, schema {@code PREFIX} for PostgreSQL.
 */
final class StoreOption implements AutoCloseable {
    static final String DEFAULT_SCHEMA_PREFIX = "connectstage";
    /** What a project's schema comment starts with; the project key follows. */
    private static final String PROJECT_COMMENT = "connectstage project ";
    private static final java.util.regex.Pattern PROJECT_KEY = java.util.regex.Pattern.compile("[a-z0-9_-]{2,36}");
    private static final java.util.regex.Pattern SCHEMA_PREFIX = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final String spec;
    private final String schemaPrefix;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    private StoreOption(String spec, String schemaPrefix) {
        this.spec = spec;
        this.schemaPrefix = schemaPrefix;
    }

    static StoreOption parse(String spec) {
        return parse(spec, DEFAULT_SCHEMA_PREFIX);
    }

    /** @throws IllegalArgumentException naming what is accepted */
    static StoreOption parse(String spec, String schemaPrefix) {
        if (!SCHEMA_PREFIX.matcher(schemaPrefix).matches()) {
            throw new IllegalArgumentException("--schema-prefix is a lower-case letter, then up to 29 of a-z, 0-9 and _, not '"
                    + schemaPrefix + "'");
        }
        if (spec.equals("memory") || spec.startsWith("jdbc:h2:file:") || spec.startsWith("jdbc:h2:mem:")
                || spec.startsWith("jdbc:postgresql:")) {
            return new StoreOption(spec, schemaPrefix);
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

    /** The staged store of each project. */
    Function<String, ConnectorStore> staged() {
        if (spec.equals("memory")) {
            return key -> new InMemoryConnectorStore();
        }
        return key -> opened(key, JdbcConnectorStore::new);
    }

    /** The Deployments of each project, in the database of its staged store. */
    Function<String, DeploymentStore> deployments() {
        if (spec.equals("memory")) {
            return key -> new InMemoryDeploymentStore();
        }
        return key -> opened(key, JdbcDeploymentStore::new);
    }

    /** The published Connectors all projects share, opened now. */
    SharedPublished published() {
        if (spec.equals("memory")) {
            return new SharedPublished(new InMemoryPublishedConnectorStore(), PublishedAccess.memory());
        }
        return opened(null, pool -> new SharedPublished(new JdbcPublishedConnectorStore(pool), new JdbcPublishedAccess(pool)));
    }

    /**
     * Stores over the database of a project's staged store, or with {@code null} the shared one.
     * On PostgreSQL the schema and its tables are made under an advisory lock of the schema's
     * name, so that several servers meeting a new project at once do not race to create them.
     */
    private <T> T opened(String projectKey, Function<HikariDataSource, T> make) {
        if (!spec.startsWith("jdbc:postgresql:")) {
            HikariDataSource pool = openPool(projectKey);
            pools.add(pool);
            return make.apply(pool);
        }
        String schema = schema(projectKey);
        try (Connection c = DriverManager.getConnection(spec)) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                lock.setString(1, schema);
                lock.execute();
            }
            try {
                HikariDataSource pool = openPool(projectKey);
                pools.add(pool);
                return make.apply(pool);
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, schema);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + " on " + redact(spec) + ": " + e.getMessage());
        }
    }

    private String schema(String projectKey) {
        return projectKey == null ? schemaPrefix : schemaPrefix + "_" + projectKey.replace('-', '_');
    }

    private HikariDataSource openPool(String projectKey) {
        String suffix = projectKey == null ? "" : "-" + projectKey;
        if (spec.startsWith("jdbc:h2:file:")) {
            return JdbcStores.h2File(Path.of(spec.substring("jdbc:h2:file:".length()) + suffix));
        }
        if (spec.startsWith("jdbc:h2:mem:")) {
            return JdbcStores.h2InMemory(spec.substring("jdbc:h2:mem:".length()) + suffix);
        }
        String schema = schema(projectKey);
        try (Connection c = DriverManager.getConnection(spec); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
            if (projectKey != null && PROJECT_KEY.matcher(projectKey).matches()) {
                s.execute("COMMENT ON SCHEMA \"" + schema + "\" IS '" + PROJECT_COMMENT + projectKey + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + schema + " on " + redact(spec) + ": " + e.getMessage());
        }
        return JdbcStores.postgres(spec + (spec.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null);
    }

    /**
     * The keys of every project that has stored data, sorted, so that {@code serve} resumes their
     * work at start: none for memory and H2 in memory (nothing outlives the process); the
     * {@code PATH-projectKey} files next to an H2 file; the {@code PREFIX_projectKey} schemas of
     * PostgreSQL, each by the key its comment records (a schema name has '_' for the key's '-'),
     * or, for a schema made before keys were recorded, by its name.
     */
    List<String> projectKeys() {
        if (spec.startsWith("jdbc:h2:file:")) {
            Path base = Path.of(spec.substring("jdbc:h2:file:".length())).toAbsolutePath();
            String start = base.getFileName() + "-";
            String end = ".mv.db";
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(base.getParent())) {
                return files.map(f -> f.getFileName().toString())
                        .filter(name -> name.startsWith(start) && name.endsWith(end) && name.length() > start.length() + end.length())
                        .map(name -> name.substring(start.length(), name.length() - end.length()))
                        .filter(key -> PROJECT_KEY.matcher(key).matches())
                        .sorted().toList();
            } catch (java.nio.file.NoSuchFileException e) {
                return List.of();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot list the projects next to " + base + ": " + e.getMessage());
            }
        }
        if (!spec.startsWith("jdbc:postgresql:")) {
            return List.of();
        }
        String start = schemaPrefix + "_";
        List<String> keys = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(spec); PreparedStatement select = c.prepareStatement(
                "SELECT nspname, obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE substr(nspname, 1, ?) = ?"
                        // not the published schema of a longer prefix
                        + " AND NOT EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = nspname"
                        + " AND t.tablename = 'connector_published_access') ORDER BY nspname")) {
            select.setInt(1, start.length());
            select.setString(2, start);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String comment = rows.getString(2);
                    String key = comment != null && comment.startsWith(PROJECT_COMMENT)
                            ? comment.substring(PROJECT_COMMENT.length()) : schema.substring(start.length());
                    if (PROJECT_KEY.matcher(key).matches() && schema(key).equals(schema)) {
                        keys.add(key);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the projects on " + redact(spec) + ": " + e.getMessage());
        }
        return keys.stream().sorted().toList();
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
