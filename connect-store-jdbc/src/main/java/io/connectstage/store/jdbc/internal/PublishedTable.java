package io.connectstage.store.jdbc.internal;

import io.connectstage.connector.Connector;
import io.connectstage.store.ConnectorWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * The writes of the published Connectors ({@code connector_published} and its integration types)
 * on the caller's connection, inside the caller's transaction: the published store makes them in
 * a transaction of their own, the staged store in the transaction of the staged change they go
 * with. A lost race to insert rolls back to a savepoint only, so the caller's transaction goes on.
 */
public final class PublishedTable {
    private static final int RETRIES = 100;

    private PublishedTable() {
    }

    /** Makes the change a connector write carries to the published Connector with this id. */
    public static void apply(Connection c, String id, ConnectorWrite.Publication publication) throws SQLException {
        apply(c, null, id, publication);
    }

    /**
     * {@link #apply(Connection, String, ConnectorWrite.Publication)} on the tables of this schema
     * of the connection's database ({@code null}: of the connection's current schema), so that a
     * project's staged store writes the published Connectors all projects share in its own
     * transaction.
     */
    public static void apply(Connection c, String schema, String id, ConnectorWrite.Publication publication)
            throws SQLException {
        if (!publication.belongsTo(id)) {
            throw new IllegalArgumentException("the publication of this write is not of connector " + id);
        }
        if (publication instanceof ConnectorWrite.Publish publish) {
            save(c, schema, publish.connector(), publish.listed());
        } else if (publication instanceof ConnectorWrite.Listing listing) {
            setListed(c, schema, id, listing.listed());
        }
    }

    /** The name of this table in this schema, or as it is ({@code schema} {@code null}). */
    private static String table(String schema, String table) {
        return schema == null ? table : "\"" + schema + "\"." + table;
    }

    /**
     * Creates the Connector with this id, or replaces it and its listing unless the stored one has
     * a higher version (a late settle does not take it back).
     */
    public static void save(Connection c, Connector connector, boolean listed) throws SQLException {
        save(c, null, connector, listed);
    }

    private static void save(Connection c, String schema, Connector connector, boolean listed) throws SQLException {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            if (write(c, schema, connector, listed, true) == 1) {
                replaceTypes(c, schema, connector);
                return;
            }
            if (exists(c, schema, connector.id())) {
                return; // the stored one is newer
            }
            Savepoint beforeInsert = c.setSavepoint();
            try {
                write(c, schema, connector, listed, false);
                replaceTypes(c, schema, connector);
                c.releaseSavepoint(beforeInsert);
                return;
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback(beforeInsert); // saved by someone else meanwhile: update it instead
            }
        }
        throw new SQLException("cannot save published connector " + connector.id() + ": it keeps conflicting");
    }

    /** Changes only the listing of a stored Connector; answers whether there was one. */
    public static boolean setListed(Connection c, String id, boolean listed) throws SQLException {
        return setListed(c, null, id, listed);
    }

    private static boolean setListed(Connection c, String schema, String id, boolean listed) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + table(schema, "connector_published") + " SET listed = ? WHERE id = ?")) {
            update.setBoolean(1, listed);
            update.setString(2, id);
            return update.executeUpdate() > 0;
        }
    }

    private static boolean exists(Connection c, String schema, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM " + table(schema, "connector_published") + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static int write(Connection c, String schema, Connector connector, boolean listed, boolean update)
            throws SQLException {
        String published = table(schema, "connector_published");
        String sql = update
                ? "UPDATE " + published + " SET connector_key = ?, version = ?, name_utf16 = ?, company_utf16 = ?, "
                        + "is_private = ?, listed = ?, document = ? WHERE id = ? AND version <= ?"
                : "INSERT INTO " + published + " (connector_key, version, name_utf16, company_utf16, is_private, "
                        + "listed, document, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, connector.key());
            statement.setLong(2, connector.version());
            statement.setBytes(3, Columns.utf16(connector.name()));
            statement.setBytes(4, Columns.utf16(connector.creator().company()));
            statement.setBoolean(5, connector.isPrivate());
            statement.setBoolean(6, listed);
            statement.setString(7, Columns.document(connector));
            statement.setString(8, connector.id());
            if (update) {
                statement.setLong(9, connector.version());
            }
            return statement.executeUpdate();
        }
    }

    private static void replaceTypes(Connection c, String schema, Connector connector) throws SQLException {
        String types = table(schema, "connector_published_integration_type");
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + types + " WHERE connector_id = ?")) {
            delete.setString(1, connector.id());
            delete.executeUpdate();
        }
        List<String> wire = Columns.integrationTypes(connector.integrationTypes());
        if (wire.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + types + " (connector_id, integration_type) VALUES (?, ?)")) {
            for (String type : wire) {
                insert.setString(1, connector.id());
                insert.setString(2, type);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
