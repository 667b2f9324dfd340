package io.connectstage.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.http.PublishedAccess;
import io.connectstage.http.SharedPublished;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcDeploymentStore;
import io.connectstage.store.jdbc.JdbcStores;
import io.connectstage.store.jdbc.SharedDatabase;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@code serve --store}: {@code memory}, or {@code jdbc:URL} for an H2 file
 * ({@code jdbc:h2:file:PATH}), H2 in memory ({@code jdbc:h2:mem:NAME}) or PostgreSQL
 * ({@code jdbc:postgresql://HOST/DB?user=..&password=..}). One pool of at most
 * {@code --max-connections} connections serves the whole server: each project's staged connectors
 * and Deployments live in a schema of their own, {@code PREFIX_projectKey} ({@link ProjectSchemas}),
 * and the published Connectors that all projects share in schema {@code PREFIX} on PostgreSQL,
 * {@code PUBLIC} on H2 (where earlier releases kept them). The pool is opened by {@link #check}.
 * Every Deployment store keeps at most {@code --max-log-entries} log entries per Deployment, the newest.
 */
final class StoreOption implements AutoCloseable {
    static final String DEFAULT_SCHEMA_PREFIX = "connectstage";
    static final int DEFAULT_MAX_CONNECTIONS = JdbcStores.MAX_CONNECTIONS;
    static final int DEFAULT_MAX_LOG_ENTRIES = DeploymentStore.DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT;
    private static final java.util.regex.Pattern SCHEMA_PREFIX = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final String spec;
    private final String schemaPrefix;
    private final int maxConnections;
    private final int maxLogEntries;
    private SharedDatabase database;
    private ProjectSchemas projects;
    private boolean closed;

    private StoreOption(String spec, String schemaPrefix, int maxConnections, int maxLogEntries) {
        this.spec = spec;
        this.schemaPrefix = schemaPrefix;
        this.maxConnections = maxConnections;
        this.maxLogEntries = maxLogEntries;
    }

    static StoreOption parse(String spec) {
        return parse(spec, DEFAULT_SCHEMA_PREFIX);
    }

    static StoreOption parse(String spec, String schemaPrefix) {
        return parse(spec, schemaPrefix, DEFAULT_MAX_CONNECTIONS);
    }

    static StoreOption parse(String spec, String schemaPrefix, int maxConnections) {
        return parse(spec, schemaPrefix, maxConnections, DEFAULT_MAX_LOG_ENTRIES);
    }

    /** @throws IllegalArgumentException naming what is accepted */
    static StoreOption parse(String spec, String schemaPrefix, int maxConnections, int maxLogEntries) {
        if (!SCHEMA_PREFIX.matcher(schemaPrefix).matches()) {
            throw new IllegalArgumentException("--schema-prefix is a lower-case letter, then up to 29 of a-z, 0-9 and _, not '"
                    + schemaPrefix + "'");
        }
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("--max-connections is 1 to 1000, not " + maxConnections);
        }
        if (maxLogEntries < 1) {
            throw new IllegalArgumentException("--max-log-entries is at least 1, not " + maxLogEntries);
        }
        if (spec.equals("memory") || spec.startsWith("jdbc:h2:file:") || spec.startsWith("jdbc:h2:mem:")
                || spec.startsWith("jdbc:postgresql:")) {
            return new StoreOption(spec, schemaPrefix, maxConnections, maxLogEntries);
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
        return key -> new JdbcConnectorStore(project(key));
    }

    /** The Deployments of each project, in the schema of its staged store. */
    Function<String, DeploymentStore> deployments() {
        if (spec.equals("memory")) {
            return key -> new InMemoryDeploymentStore(maxLogEntries);
        }
        return key -> new JdbcDeploymentStore(project(key), maxLogEntries);
    }

    /**
     * The published Connectors all projects share, opened now, with which each project's staged
     * store ({@link #staged}) is paired: a publish is stored in the write of its settle.
     */
    SharedPublished published() {
        if (spec.equals("memory")) {
            return new SharedPublished(new InMemoryPublishedConnectorStore(), PublishedAccess.memory());
        }
        return JdbcPairing.shared(shared());
    }

    /** The keys of every project that has stored data (none for the memory store, which starts empty). */
    List<String> projectKeys() {
        if (spec.equals("memory")) {
            return List.of();
        }
        open();
        return projects.keys();
    }

    /**
     * Opens the pool and checks the database answers, before the server says it listens: an H2
     * file another process holds, or an unreachable server, is refused now in one sentence.
     *
     * @throws IllegalStateException saying why the store cannot be used
     */
    void check() {
        if (!spec.equals("memory")) {
            open();
        }
    }

    private DataSource project(String projectKey) {
        open();
        return database.schema(projects.schemaOf(projectKey));
    }

    private DataSource shared() {
        open();
        return database.schema(database.isH2() ? "PUBLIC" : schemaPrefix);
    }

    private synchronized void open() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (database != null) {
            return;
        }
        refuseOlderFiles();
        if (spec.startsWith("jdbc:postgresql:")) {
            // One connection of its own, closed at once: HikariCP would wait 30 s for a server that
            // does not answer before saying so.
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(spec)) {
                c.isValid(5);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot connect to " + redact(spec) + ": " + redact(String.valueOf(e.getMessage())));
            }
        }
        SharedDatabase opened;
        try {
            opened = new SharedDatabase(pool());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open " + redact(spec) + ": " + redact(String.valueOf(e.getMessage())), e);
        }
        try {
            projects = new ProjectSchemas(opened.schema(opened.isH2() ? "PUBLIC" : schemaPrefix), schemaPrefix);
        } catch (RuntimeException e) {
            opened.close(); // never leave a half-built pool behind
            throw new IllegalStateException("cannot prepare " + redact(spec) + ": " + redact(String.valueOf(e.getMessage())), e);
        }
        database = opened;
    }

    private HikariDataSource pool() {
        if (spec.startsWith("jdbc:h2:file:")) {
            return JdbcStores.h2File(Path.of(h2Path()), maxConnections);
        }
        if (spec.startsWith("jdbc:h2:mem:")) {
            return JdbcStores.h2InMemory(spec.substring("jdbc:h2:mem:".length()), maxConnections);
        }
        return JdbcStores.postgres(spec, null, null, maxConnections);
    }

    private String h2Path() {
        return spec.substring("jdbc:h2:file:".length());
    }

    /**
     * Earlier releases kept each project of an H2 file store in a file of its own
     * ({@code PATH-projectKey.mv.db}); this one keeps every project in {@code PATH.mv.db} and does
     * not read those files, so it refuses to start beside them rather than serve those projects empty.
     */
    private void refuseOlderFiles() {
        if (!spec.startsWith("jdbc:h2:file:")) {
            return;
        }
        Path path = Path.of(h2Path()).toAbsolutePath();
        Path folder = path.getParent();
        String base = path.getFileName() + "-";
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> older = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(base) && f.endsWith(".mv.db")).sorted().toList();
            if (!older.isEmpty()) {
                throw new IllegalStateException(folder.resolve(older.get(0)) + (older.size() > 1 ? " and " + (older.size() - 1)
                        + " more files hold" : " holds") + " a project of an earlier connectstage, which kept one file per"
                        + " project; this one keeps every project in " + path + ".mv.db and does not read them:"
                        + " move them away to start (see docs/jdbc-store.md)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
