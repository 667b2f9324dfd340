package io.connectstage.store.jdbc.internal;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.store.Work;
import io.connectstage.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tables of both JDBC stores and the version of their layout. Opening a store makes sure
 * they exist ({@code CREATE … IF NOT EXISTS}, in one transaction where the database has
 * transactional DDL, as PostgreSQL does), then writes the version; a database whose version is
 * newer than {@link #VERSION} is refused rather than misread. A later release that changes the
 * layout raises {@link #VERSION} and migrates from the one it finds.
 */
public final class Schema {
    /**
     * The layout this code reads and writes: 2 since connectors have creation and modification
     * times to sort by, the type rows repeat the key, name, status and creation time of their
     * connector, and requests leave durable work in their own table ({@link WorkTable}); version 1
     * had none of these. 3 added the tables of Deployments ({@link DeploymentTables}), created by
     * {@link #tables} ({@code IF NOT EXISTS}) when an older database is opened; nothing to carry over.
     * 4 gave Deployments creation and modification times to sort by
     * ({@link DeploymentTables#fromVersion3}); the Deployments of version 3 keep none.
     * 5 added the counts of connectors per integration type and privacy ({@link StagedCounts}),
     * filled from the connectors there are when an older database is opened.
     * 6 added the count of log entries per Deployment ({@link DeploymentTables#fromVersion5}),
     * filled from the log rows there are when an older database is opened.
     */
    public static final int VERSION = 6;

    private static final int ATTEMPTS = 5;

    private Schema() {
    }

    /**
     * Creates the tables when they are missing and answers the dialect of the database.
     *
     * @throws JdbcStoreException when the database cannot be reached, or its schema is newer
     */
    public static Dialect ensure(DataSource dataSource) {
        Jdbc jdbc = new Jdbc(dataSource);
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.transaction("create the connectstage schema", Schema::ensure);
            } catch (JdbcStoreException e) {
                // Two processes creating the schema at once: one of them loses a race on the
                // catalog or on the version row, and finds the schema there when it tries again.
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static Dialect ensure(Connection connection) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        if (dialect == Dialect.POSTGRESQL) {
            // Servers that meet a new schema at once create its tables one after the other: the
            // lock (of the schema's name, held until this transaction ends) spares them the races
            // on the catalog that the retries in ensure(DataSource) would otherwise have to absorb.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext(COALESCE(current_schema(), '')))");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS connectstage_schema ("
                    + "id INTEGER NOT NULL PRIMARY KEY, "
                    + "version INTEGER NOT NULL)");
        }
        Integer found = version(connection);
        if (found != null && found > VERSION) {
            throw new JdbcStoreException("the database holds connectstage schema version " + found
                    + ", newer than version " + VERSION + " that this code knows: use a newer connectstage");
        }
        if (found != null && found == VERSION) {
            return dialect;
        }
        try (Statement statement = connection.createStatement()) {
            if (found != null && found == 1) {
                for (String sql : fromVersion1(dialect)) {
                    statement.execute(sql);
                }
            }
            if (found != null && found == 3) {
                for (String sql : DeploymentTables.fromVersion3()) {
                    statement.execute(sql);
                }
            }
            for (String sql : tables(dialect)) {
                statement.execute(sql);
            }
            if (found != null) {
                for (String sql : DeploymentTables.fromVersion5()) {
                    statement.execute(sql);
                }
            }
        }
        if (found != null && found == 1) {
            enqueueUnsettled(connection);
        }
        StagedCounts.fill(connection); // new in version 5; a recount is harmless
        try (PreparedStatement write = connection.prepareStatement(found == null
                ? "INSERT INTO connectstage_schema (version, id) VALUES (?, 1)"
                : "UPDATE connectstage_schema SET version = ? WHERE id = 1")) {
            write.setInt(1, VERSION);
            write.executeUpdate();
        }
        return dialect;
    }

    /**
     * The requests a version-1 store left unsettled get their work (a publish as one without
     * certification, which version 1 did not record), so that a processor settles them.
     */
    private static void enqueueUnsettled(Connection connection) throws SQLException {
        List<Work> work = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT document FROM connector_staged WHERE status = '"
                     + ConnectorStatus.PROCESSING.wireValue() + "' OR document LIKE '%\"isPreviewable\":\""
                     + IsPreviewable.PENDING.wireValue() + "\"%'")) {
            while (rows.next()) {
                ConnectorStaged c = Columns.staged(rows.getString(1));
                if (c.isPreviewable() == IsPreviewable.PENDING) {
                    work.add(Work.preview(c));
                }
                if (c.status() == ConnectorStatus.PROCESSING) {
                    work.add(Work.publish(c, false));
                }
            }
        }
        WorkTable.enqueue(connection, work);
    }

    /**
     * Version 1 to 2: the time columns (empty: version 1 connectors have no times), and the type
     * rows get the key, name and status of their connector (the new indexes follow).
     */
    static List<String> fromVersion1(Dialect dialect) {
        String text = "VARCHAR" + dialect.binaryCollation();
        String types = "connector_staged_integration_type";
        String from = " FROM connector_staged c WHERE c.id = " + types + ".connector_id)";
        return List.of(
                "ALTER TABLE connector_staged ADD COLUMN created_at BYTEA",
                "ALTER TABLE connector_staged ADD COLUMN last_modified_at BYTEA",
                "ALTER TABLE " + types + " ADD COLUMN created_at BYTEA",
                "ALTER TABLE " + types + " ADD COLUMN connector_key " + text,
                "ALTER TABLE " + types + " ADD COLUMN name_utf16 BYTEA",
                "ALTER TABLE " + types + " ADD COLUMN status " + text,
                "UPDATE " + types + " SET connector_key = (SELECT c.connector_key" + from
                        + ", name_utf16 = (SELECT c.name_utf16" + from + ", status = (SELECT c.status" + from,
                "ALTER TABLE " + types + " ALTER COLUMN name_utf16 SET NOT NULL",
                "ALTER TABLE " + types + " ALTER COLUMN status SET NOT NULL");
    }

    /** The schema version written in the database, or {@code null} when there is none yet. */
    public static Integer version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM connectstage_schema WHERE id = 1")) {
            return rows.next() ? rows.getInt(1) : null;
        }
    }

    /** The statements that create the tables and indexes of this version. */
    static List<String> tables(Dialect dialect) {
        String text = "VARCHAR" + dialect.binaryCollation();
        String json = dialect.largeText();
        List<String> all = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS connector_staged ("
                        + "id " + text + " NOT NULL PRIMARY KEY, "
                        + "connector_key " + text + ", "
                        + "version BIGINT NOT NULL, "
                        + "name_utf16 BYTEA NOT NULL, "
                        + "is_private BOOLEAN NOT NULL, "
                        + "status " + text + " NOT NULL, "
                        + "integration_types " + text + " NOT NULL, "
                        + "document " + json + " NOT NULL, "
                        + "created_at BYTEA, "
                        + "last_modified_at BYTEA)",
                "CREATE UNIQUE INDEX IF NOT EXISTS connector_staged_key ON connector_staged (connector_key)",
                // An index per sort field, alone and after is_private (queries that filter by it
                // order by it first, a constant, so that the index order is the query's order).
                "CREATE INDEX IF NOT EXISTS connector_staged_by_id ON connector_staged (is_private, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_key ON connector_staged (connector_key ASC NULLS LAST, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_key_private "
                        + "ON connector_staged (is_private, connector_key ASC NULLS LAST, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_name ON connector_staged (name_utf16, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_name_private ON connector_staged (is_private, name_utf16, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_version ON connector_staged (version, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_version_private ON connector_staged (is_private, version, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_status ON connector_staged (status, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_status_private ON connector_staged (is_private, status, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_created ON connector_staged (created_at ASC NULLS FIRST, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_created_private "
                        + "ON connector_staged (is_private, created_at ASC NULLS FIRST, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_modified "
                        + "ON connector_staged (last_modified_at ASC NULLS FIRST, id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_by_modified_private "
                        + "ON connector_staged (is_private, last_modified_at ASC NULLS FIRST, id)",
                // The type rows repeat what a query of one type filters and sorts by (but the
                // version, which every write changes): a page of one type walks an index of
                // (integration_type, is_private, field, id), and a count reads the first one only.
                "CREATE TABLE IF NOT EXISTS connector_staged_integration_type ("
                        + "connector_id " + text + " NOT NULL REFERENCES connector_staged (id) ON DELETE CASCADE, "
                        + "integration_type " + text + " NOT NULL, "
                        + "is_private BOOLEAN NOT NULL, "
                        + "connector_key " + text + ", "
                        + "name_utf16 BYTEA NOT NULL, "
                        + "status " + text + " NOT NULL, "
                        + "created_at BYTEA, "
                        + "PRIMARY KEY (connector_id, integration_type))",
                "CREATE INDEX IF NOT EXISTS connector_staged_integration_type_type "
                        + "ON connector_staged_integration_type (integration_type, is_private, connector_id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_integration_type_by_key "
                        + "ON connector_staged_integration_type (integration_type, is_private, connector_key ASC NULLS LAST, "
                        + "connector_id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_integration_type_by_name "
                        + "ON connector_staged_integration_type (integration_type, is_private, name_utf16, connector_id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_integration_type_by_status "
                        + "ON connector_staged_integration_type (integration_type, is_private, status, connector_id)",
                "CREATE INDEX IF NOT EXISTS connector_staged_integration_type_by_created "
                        + "ON connector_staged_integration_type (integration_type, is_private, created_at ASC NULLS FIRST, "
                        + "connector_id)",
                "CREATE TABLE IF NOT EXISTS connector_published ("
                        + "id " + text + " NOT NULL PRIMARY KEY, "
                        + "connector_key " + text + ", "
                        + "version BIGINT NOT NULL, "
                        + "name_utf16 BYTEA NOT NULL, "
                        + "company_utf16 BYTEA, "
                        + "is_private BOOLEAN NOT NULL, "
                        + "listed BOOLEAN NOT NULL, "
                        + "document " + json + " NOT NULL)",
                "CREATE INDEX IF NOT EXISTS connector_published_key ON connector_published (connector_key, id)",
                "CREATE INDEX IF NOT EXISTS connector_published_name ON connector_published (name_utf16, id)",
                "CREATE INDEX IF NOT EXISTS connector_published_version ON connector_published (version, id)",
                "CREATE INDEX IF NOT EXISTS connector_published_company ON connector_published (company_utf16)",
                "CREATE TABLE IF NOT EXISTS connector_published_integration_type ("
                        + "connector_id " + text + " NOT NULL REFERENCES connector_published (id) ON DELETE CASCADE, "
                        + "integration_type " + text + " NOT NULL, "
                        + "PRIMARY KEY (connector_id, integration_type))",
                "CREATE INDEX IF NOT EXISTS connector_published_integration_type_type "
                        + "ON connector_published_integration_type (integration_type, connector_id)"));
        all.add(StagedCounts.create(dialect));
        all.addAll(WorkTable.create(dialect));
        all.addAll(DeploymentTables.create(dialect));
        return all;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JdbcStoreException("interrupted while creating the connectstage schema", e);
        }
    }
}
