package io.connectstage.store.jdbc.internal;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A staged connector inserted into PostgreSQL by one statement in auto-commit mode: its row, its
 * type rows and its counts, in data-modifying {@code WITH} queries. The same writes as separate
 * statements in a transaction cost four round trips to the server (row, type rows, counts,
 * commit), and on a local server the round trips, not the writes, were most of an insert's time.
 * One statement is atomic as a transaction is: a duplicate id or key fails it whole.
 *
 * <p>The counts keep {@link StagedCounts}'s lock order, so that this insert cannot deadlock with a
 * replace or a delete: the connector row first (the count rows are joined to the inserted row,
 * so none is locked before the insert has passed its unique indexes), then the count rows sorted
 * by type ({@code ""}, all connectors, first) under {@code FOR UPDATE}, whose row locks are taken
 * above the sort. The update that follows finds them locked by itself.
 *
 * <p>A count row that is missing (the table was filled by a release that did not know the type)
 * must fail the insert, as it does in {@link StagedCounts#add}; in auto-commit mode there is no
 * transaction left to roll back afterwards, so the statement fails itself: it divides by zero
 * when it updated fewer count rows than it should, the only division in it.
 */
public final class PostgresStagedInsert {
    /** SQLSTATE of a division by zero: here, a missing count row. */
    private static final String DIVISION_BY_ZERO = "22012";

    private static final String SQL = "WITH staged AS ("
            + "INSERT INTO connector_staged (id, connector_key, version, name_utf16, is_private, status, "
            + "integration_types, document, created_at, last_modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING id, connector_key, name_utf16, is_private, status, created_at), "
            + "typed AS (INSERT INTO connector_staged_integration_type (connector_id, integration_type, is_private, "
            + "connector_key, name_utf16, status, created_at) "
            + "SELECT s.id, t.integration_type, s.is_private, s.connector_key, s.name_utf16, s.status, s.created_at "
            + "FROM staged s CROSS JOIN unnest(?::text[]) AS t (integration_type)), "
            + "locked AS (SELECT n.integration_type, n.is_private, n.slot FROM connector_staged_count n "
            + "JOIN staged s ON n.is_private = s.is_private WHERE n.slot = ? AND n.integration_type = ANY (?::text[]) "
            + "ORDER BY n.integration_type FOR UPDATE OF n), "
            + "counted AS (UPDATE connector_staged_count n SET connectors = n.connectors + 1 FROM locked l "
            + "WHERE n.integration_type = l.integration_type AND n.is_private = l.is_private AND n.slot = l.slot "
            + "RETURNING 1) "
            + "SELECT 1 / (SELECT CASE COUNT(*) WHEN ? THEN 1 ELSE 0 END FROM counted)";

    private PostgresStagedInsert() {
    }

    /**
     * Inserts the connector, in auto-commit mode; throws the {@link SQLException} of a unique
     * index (a duplicate id or key) as the separate statements would.
     */
    public static void insert(Connection connection, ConnectorStaged connector) throws SQLException {
        List<String> types = Columns.integrationTypes(connector.integrationTypes());
        List<String> counted = new ArrayList<>(types.size() + 1);
        counted.add(StagedCounts.ALL);
        counted.addAll(types);
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            int i = 0;
            insert.setString(++i, connector.id());
            insert.setString(++i, connector.key());
            insert.setLong(++i, connector.version());
            insert.setBytes(++i, Columns.utf16(connector.name()));
            insert.setBoolean(++i, connector.isPrivate());
            insert.setString(++i, connector.status().wireValue());
            insert.setString(++i, Columns.integrationTypeList(connector.integrationTypes()));
            insert.setString(++i, Columns.document(connector));
            insert.setBytes(++i, Columns.instant(connector.createdAt()));
            insert.setBytes(++i, Columns.instant(connector.lastModifiedAt()));
            insert.setArray(++i, connection.createArrayOf("text", types.toArray()));
            insert.setInt(++i, StagedCounts.slot(connector.id()));
            insert.setArray(++i, connection.createArrayOf("text", counted.toArray()));
            insert.setInt(++i, counted.size());
            insert.executeQuery().close();
        } catch (SQLException e) {
            if (DIVISION_BY_ZERO.equals(e.getSQLState())) {
                throw new JdbcStoreException("connector_staged_count lacks a row of the integration types " + types
                        + ": the table was filled by a release that did not know it", e);
            }
            throw e;
        }
    }
}
