package io.connectstage.cli;

import io.connectstage.store.jdbc.JdbcStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which schema holds which project's stores: {@code PREFIX_projectKey} with {@code -} as
 * {@code _} (the names of earlier releases on PostgreSQL), recorded in table
 * {@code connectstage_project} of the shared schema. The record is what tells the keys of the
 * projects there are ({@link #keys}), and what keeps two keys that spell one schema name
 * ({@code a-b} and {@code a_b}) from sharing their data: the second is refused.
 */
final class ProjectSchemas {
    /** PostgreSQL's longest identifier; longer names would be cut short, silently. */
    private static final int MAX_NAME = 63;

    private final DataSource shared;
    private final String prefix;

    ProjectSchemas(DataSource shared, String prefix) {
        this.shared = shared;
        this.prefix = prefix;
        try (Connection c = shared.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS connectstage_project (project_key VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "schema_name VARCHAR(64) NOT NULL UNIQUE)");
        } catch (SQLException e) {
            if (!exists()) { // another server created it at the same moment
                throw new JdbcStoreException("cannot create table connectstage_project: " + e.getMessage(), e);
            }
        }
    }

    private boolean exists() {
        try (Connection c = shared.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM connectstage_project").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The schema of this project's stores, recorded now when it is new. */
    String schemaOf(String projectKey) {
        String name = name(projectKey);
        try (Connection c = shared.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO connectstage_project (project_key, schema_name) "
                    + "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM connectstage_project WHERE project_key = ?)")) {
                insert.setString(1, projectKey);
                insert.setString(2, name);
                insert.setString(3, projectKey);
                insert.executeUpdate();
            } catch (SQLException e) {
                // the same key recorded by another server meanwhile, or another key of this schema name: read on
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT project_key FROM connectstage_project WHERE schema_name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    String owner = row.next() ? row.getString(1) : null;
                    if (!projectKey.equals(owner)) {
                        throw new JdbcStoreException("project '" + projectKey + "' would share schema " + name
                                + " with project '" + owner + "': use another project key");
                    }
                }
            }
            return name;
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot record the schema of project " + projectKey + ": " + e.getMessage(), e);
        }
    }

    /** The keys of every project recorded, in order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (Connection c = shared.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT project_key FROM connectstage_project ORDER BY project_key")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot list the projects: " + e.getMessage(), e);
        }
    }

    /**
     * {@code PREFIX_key} with {@code -} as {@code _}; when that is longer than PostgreSQL keeps,
     * its first 54 characters and 8 hex digits of a digest of the key.
     */
    String name(String projectKey) {
        String name = prefix + "_" + projectKey.replace('-', '_');
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(projectKey.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_NAME - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
