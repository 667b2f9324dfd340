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
        if (!publication.belongsTo(id)) {
            throw new IllegalArgumentException("the publication of this write is not of connector " + id);
        }
        if (publication instanceof ConnectorWrite.Publish publish) {
            save(c, publish.connector(), publish.listed());
        } else if (publication instanceof ConnectorWrite.Listing listing) {
            setListed(c, id, listing.listed());
        }
    }

    /**
     * Creates the Connector with this id, or replaces it and its listing unless the stored one has
     * a higher version (a late settle does not take it back).
     */
    public static void save(Connection c, Connector connector, boolean listed) throws SQLException {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            if (write(c, connector, listed, true) == 1) {
                replaceTypes(c, connector);
                return;
            }
            if (exists(c, connector.id())) {
                return; // the stored one is newer
            }
            Savepoint beforeInsert = c.setSavepoint();
            try {
                write(c, connector, listed, false);
                replaceTypes(c, connector);
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
        try (PreparedStatement update = c.prepareStatement("UPDATE connector_published SET listed = ? WHERE id = ?")) {
            update.setBoolean(1, listed);
            update.setString(2, id);
            return update.executeUpdate() > 0;
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM connector_published WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static int write(Connection c, Connector connector, boolean listed, boolean update) throws SQLException {
        String sql = update
                ? "UPDATE connector_published SET connector_key = ?, version = ?, name_utf16 = ?, company_utf16 = ?, "
                        + "is_private = ?, listed = ?, document = ? WHERE id = ? AND version <= ?"
                : "INSERT INTO connector_published (connector_key, version, name_utf16, company_utf16, is_private, "
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

    private static void replaceTypes(Connection c, Connector connector) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM connector_published_integration_type WHERE connector_id = ?")) {
            delete.setString(1, connector.id());
            delete.executeUpdate();
        }
        List<String> types = Columns.integrationTypes(connector.integrationTypes());
        if (types.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO connector_published_integration_type (connector_id, integration_type) VALUES (?, ?)")) {
            for (String type : types) {
                insert.setString(1, connector.id());
                insert.setString(2, type);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
