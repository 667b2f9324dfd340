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

    public JdbcPublishedAccess(DataSource db) {
        this.db = Objects.requireNonNull(db, "db is null");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            String collate = postgres ? " COLLATE \"C\"" : "";
            s.execute("CREATE TABLE IF NOT EXISTS connector_published_access (id VARCHAR(256)" + collate
                    + " PRIMARY KEY, owner_project VARCHAR(64) NOT NULL, private_projects "
                    + (postgres ? "TEXT" : "CHARACTER VARYING") + " NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare connector_published_access: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(String connectorId, Access access) {
        String sql = postgres
                ? "INSERT INTO connector_published_access (id, owner_project, private_projects) VALUES (?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET owner_project = EXCLUDED.owner_project,"
                        + " private_projects = EXCLUDED.private_projects"
                : "MERGE INTO connector_published_access (id, owner_project, private_projects) KEY (id) VALUES (?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            s.setString(1, connectorId);
            s.setString(2, access.ownerProject());
            s.setString(3, String.join(",", access.privateProjects()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the access of a published Connector: " + e.getMessage(), e);
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
