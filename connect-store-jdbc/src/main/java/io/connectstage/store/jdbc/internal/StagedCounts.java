package io.connectstage.store.jdbc.internal;

import io.connectstage.connector.IntegrationType;
import io.connectstage.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many staged connectors there are of each integration type and privacy (schema version 5),
 * kept by the writes in their own transaction, so that the total of a query of one type (or of
 * none) is a sum of a few rows instead of a walk over every matching index entry (6,928 of them
 * for one type of 100,000 connectors, the larger part of such a query's time).
 *
 * <p>Table {@code connector_staged_count}: {@code (integration_type, is_private, slot,
 * connectors)}, {@code integration_type} empty for all connectors. Each count is split over
 * {@link #SLOTS} rows, a connector counting in the slot of its id: concurrent writers of one type
 * then seldom wait for each other's row lock (a single row per type would make every insert of
 * that type, and with the row of all connectors every insert, wait for the one before to commit).
 * A write updates its rows in one order (by privacy, then all connectors before the types, the
 * types sorted), after its connector row, so that two writers cannot deadlock on them; an insert
 * on PostgreSQL ({@link PostgresStagedInsert}) takes them in that order within its one statement.
 */
public final class StagedCounts {
    /** Rows per count. */
    static final int SLOTS = 16;

    /** The {@code integration_type} of the count of all connectors, whatever their types. */
    static final String ALL = "";

    private StagedCounts() {
    }

    /** The statement that creates the table. */
    static String create(Dialect dialect) {
        return "CREATE TABLE IF NOT EXISTS connector_staged_count ("
                + "integration_type VARCHAR" + dialect.binaryCollation() + " NOT NULL, "
                + "is_private BOOLEAN NOT NULL, "
                + "slot INTEGER NOT NULL, "
                + "connectors BIGINT NOT NULL, "
                + "PRIMARY KEY (integration_type, is_private, slot))";
    }

    /**
     * Writes every row of the table from the connectors there are: one pass over the connector
     * table's privacy and types. Run when the table is created, by the migration from an older
     * version too.
     */
    static void fill(Connection connection) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM connector_staged_count");
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (String type : Columns.integrationTypes(Arrays.asList(IntegrationType.values()))) {
            counts.put(type, new long[2 * SLOTS]);
        }
        counts.put(ALL, new long[2 * SLOTS]);
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery("SELECT id, is_private, integration_types FROM connector_staged")) {
                while (rows.next()) {
                    int column = (rows.getBoolean(2) ? SLOTS : 0) + slot(rows.getString(1));
                    counts.get(ALL)[column]++;
                    for (String type : rows.getString(3).split(",")) {
                        if (!type.isEmpty()) {
                            counts.computeIfAbsent(type, t -> new long[2 * SLOTS])[column]++;
                        }
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO connector_staged_count "
                + "(integration_type, is_private, slot, connectors) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, long[]> count : counts.entrySet()) {
                for (int column = 0; column < 2 * SLOTS; column++) {
                    insert.setString(1, count.getKey());
                    insert.setBoolean(2, column >= SLOTS);
                    insert.setInt(3, column % SLOTS);
                    insert.setLong(4, count.getValue()[column]);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Counts a connector in (1) or out (-1): the count of all connectors and of each of its types. */
    public static void add(Connection connection, String id, boolean isPrivate, List<String> types, int delta)
            throws SQLException {
        TreeMap<String, Integer> changes = new TreeMap<>();
        changes(changes, isPrivate, types, delta);
        update(connection, slot(id), changes);
    }

    /**
     * Moves a connector whose privacy or types changed: out of the counts it left, into those it
     * joined. Nothing when both are the same.
     */
    public static void move(Connection connection, String id, boolean wasPrivate, List<String> before,
            boolean isPrivate, List<String> after) throws SQLException {
        TreeMap<String, Integer> changes = new TreeMap<>();
        changes(changes, wasPrivate, before, -1);
        changes(changes, isPrivate, after, 1);
        changes.values().removeIf(delta -> delta == 0);
        update(connection, slot(id), changes);
    }

    /** Adds the changes of one privacy, each keyed by privacy then type, the order the rows are updated in. */
    private static void changes(TreeMap<String, Integer> changes, boolean isPrivate, List<String> types, int delta) {
        String privacy = isPrivate ? "1" : "0";
        changes.merge(privacy + ALL, delta, Integer::sum);
        for (String type : types) {
            changes.merge(privacy + type, delta, Integer::sum);
        }
    }

    private static void update(Connection connection, int slot, TreeMap<String, Integer> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(changes.keySet());
        try (PreparedStatement update = connection.prepareStatement("UPDATE connector_staged_count "
                + "SET connectors = connectors + ? WHERE integration_type = ? AND is_private = ? AND slot = ?")) {
            for (String key : keys) {
                update.setLong(1, changes.get(key));
                update.setString(2, key.substring(1));
                update.setBoolean(3, key.charAt(0) == '1');
                update.setInt(4, slot);
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    throw new JdbcStoreException("connector_staged_count has no row for integration type '"
                            + keys.get(i).substring(1) + "': the table was filled by a release that did not know it");
                }
            }
        }
    }

    /**
     * The total of a query of one integration type, or of none ({@code type} null), and a
     * privacy ({@code null}: either).
     */
    static Sql.Bound count(String type, Boolean isPrivate) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(type == null ? ALL : type);
        if (isPrivate != null) {
            parameters.add(isPrivate);
        }
        return new Sql.Bound("SELECT COALESCE(SUM(n.connectors), 0) FROM connector_staged_count n "
                + "WHERE n.integration_type = ?" + (isPrivate == null ? "" : " AND n.is_private = ?"), parameters);
    }

    /** The slot of a connector: its id's, so that it never moves. */
    static int slot(String id) {
        return Math.floorMod(id.hashCode(), SLOTS);
    }
}
