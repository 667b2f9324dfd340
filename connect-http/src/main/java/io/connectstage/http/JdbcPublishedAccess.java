package io.connectstage.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PublishedAccess} in table {@code connector_published_access} ({@code id},
 * {@code owner_project}, {@code private_projects} as comma-separated keys) of the database that
 * holds the shared published Connectors; created on first use. H2 and PostgreSQL.
 */
public final class JdbcPublishedAccess implements PublishedAccess {
    private final DataSource db;
    private final boolean postgres;
    /** The schema of the table, as the data source's connections are in it (for {@link #record(Connection, String, Access)}). */
    private final String schema;

    public JdbcPublishedAccess(DataSource db) {
        this.db = Objects.requireNonNull(db, "db is null");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            schema = c.getSchema();
            String collate = postgres ? " COLLATE \"C\"" : "";
            s.execute("CREATE TABLE IF NOT EXISTS connector_published_access (id VARCHAR(256)" + collate
                    + " PRIMARY KEY, owner_project VARCHAR(64) NOT NULL, private_projects "
                    + (postgres ? "TEXT" : "CHARACTER VARYING") + " NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare connector_published_access: " + e.getMessage(), e);
        }
    }

    /** The data source this was made with: its table is in that data source's schema. */
    public DataSource dataSource() {
        return db;
    }

    @Override
    public void record(String connectorId, Access access) {
        try (Connection c = db.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            write(c, "connector_published_access", connectorId, access);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the access of a published Connector: " + e.getMessage(), e);
        }
    }

    /**
     * Records on the caller's connection, inside its transaction: a connection of another schema of
     * the same database (a project's staged store, whose write publishes into the shared schema)
     * writes this table by its schema-qualified name, so the record commits or rolls back with
     * that write.
     */
    public void record(Connection c, String connectorId, Access access) throws SQLException {
        if (schema == null) {
            throw new IllegalStateException("the schema of connector_published_access is not known: its connections have none");
        }
        write(c, "\"" + schema + "\".connector_published_access", connectorId, access);
    }

    private void write(Connection c, String table, String connectorId, Access access) throws SQLException {
        String sql = postgres
                ? "INSERT INTO " + table + " (id, owner_project, private_projects) VALUES (?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET owner_project = EXCLUDED.owner_project,"
                        + " private_projects = EXCLUDED.private_projects"
                : "MERGE INTO " + table + " (id, owner_project, private_projects) KEY (id) VALUES (?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectorId);
            s.setString(2, access.ownerProject());
            s.setString(3, String.join(",", access.privateProjects()));
            s.executeUpdate();
        }
    }

    @Override
    public Optional<Access> find(String connectorId) {
        if (connectorId == null) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT owner_project, private_projects FROM connector_published_access WHERE id = ?")) {
            s.setString(1, connectorId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String projects = rs.getString(2);
                return Optional.of(new Access(rs.getString(1),
                        projects.isEmpty() ? List.of() : Arrays.asList(projects.split(","))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the access of a published Connector: " + e.getMessage(), e);
        }
    }
}
