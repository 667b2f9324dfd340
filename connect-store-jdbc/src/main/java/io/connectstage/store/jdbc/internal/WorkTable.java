package io.connectstage.store.jdbc.internal;

import io.connectstage.store.Lease;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SQL of the work table {@code connector_work}, one row per stored {@link Work}: enqueue,
 * claim, renew, complete. Its writes take the caller's connection, so that the store puts them in the
 * transaction of the connector change they go with. Lease times are epoch milliseconds.
 *
 * <p>A claim is a conditional update that only a row nobody holds passes, and that counts the
 * attempt ({@code attempts} then tells claims apart, as a version does): on PostgreSQL one
 * statement that picks the row with {@code FOR UPDATE SKIP LOCKED}, so that claimants never wait
 * for each other; on H2 a read of candidates, then the conditional update of each until one
 * passes.
 */
public final class WorkTable {
    private static final String COLUMNS = "id, kind, connector_id, connector_version, parameters, attempts, lease_owner, lease_until";
    private static final String CLAIMABLE = "(lease_until IS NULL OR lease_until <= ?)";
    private static final int CANDIDATES = 16;
    /** The work of connectors (previews, publishes). */
    public static final String CONNECTOR_WORK = "connector_work";
    /** The work of Deployments (deploy, build, undeploy steps), same columns, {@code connector_id} holding the Deployment's id. */
    public static final String DEPLOYMENT_WORK = "deployment_work";

    private WorkTable() {
    }

    /** The statements that create the table and its indexes. */
    public static List<String> create(Dialect dialect) {
        String text = "VARCHAR" + dialect.binaryCollation();
        return List.of(
                "CREATE TABLE IF NOT EXISTS connector_work ("
                        + "id " + text + " NOT NULL PRIMARY KEY, "
                        + "kind " + text + " NOT NULL, "
                        + "connector_id " + text + " NOT NULL REFERENCES connector_staged (id) ON DELETE CASCADE, "
                        + "connector_version BIGINT NOT NULL, "
                        + "parameters " + text + " NOT NULL, "
                        + "attempts INTEGER NOT NULL, "
                        + "lease_owner " + text + ", "
                        + "lease_until BIGINT)",
                "CREATE INDEX IF NOT EXISTS connector_work_connector ON connector_work (connector_id)",
                "CREATE INDEX IF NOT EXISTS connector_work_lease ON connector_work (lease_until, id)");
    }

    /** The statements that create the work table of Deployments ({@code deployment_work}). */
    public static List<String> createDeploymentWork(Dialect dialect) {
        String text = "VARCHAR" + dialect.binaryCollation();
        return List.of(
                "CREATE TABLE IF NOT EXISTS deployment_work ("
                        + "id " + text + " NOT NULL PRIMARY KEY, "
                        + "kind " + text + " NOT NULL, "
                        + "connector_id " + text + " NOT NULL REFERENCES deployment (id) ON DELETE CASCADE, "
                        + "connector_version BIGINT NOT NULL, "
                        + "parameters " + text + " NOT NULL, "
                        + "attempts INTEGER NOT NULL, "
                        + "lease_owner " + text + ", "
                        + "lease_until BIGINT)",
                "CREATE INDEX IF NOT EXISTS deployment_work_deployment ON deployment_work (connector_id)",
                "CREATE INDEX IF NOT EXISTS deployment_work_lease ON deployment_work (lease_until, id)");
    }

    /** Adds these items, unleased. */
    public static void enqueue(Connection c, List<Work> work) throws SQLException {
        enqueue(c, CONNECTOR_WORK, work);
    }

    /** Adds these items to the work table {@code table}, unleased. */
    public static void enqueue(Connection c, String table, List<Work> work) throws SQLException {
        insert(c, table, work.stream().map(w -> new Work(w.id(), w.kind(), w.connectorId(), w.connectorVersion(),
                w.parameters(), 0, null)).toList());
    }

    /**
     * Stores these items in the work table {@code table} as they are, lease and attempts included,
     * each in place of a stored item with its id (deleted first, in the caller's transaction): how
     * a Deployment's write enqueues, a build's {@code run} item replacing the claim of an earlier
     * version's.
     */
    public static void enqueueReplacing(Connection c, String table, List<Work> work) throws SQLException {
        if (work.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (Work w : work) {
                delete.setString(1, w.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        insert(c, table, work);
    }

    /** Inserts these items as they are, attempts and lease included. */
    private static void insert(Connection c, String table, List<Work> work) throws SQLException {
        if (work.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Work w : work) {
                checkParameters(w);
                insert.setString(1, w.id());
                insert.setString(2, w.kind().wireValue());
                insert.setString(3, w.connectorId());
                insert.setLong(4, w.connectorVersion());
                insert.setString(5, parameters(w.parameters()));
                insert.setInt(6, w.attempts());
                if (w.lease() == null) {
                    insert.setNull(7, java.sql.Types.VARCHAR);
                    insert.setNull(8, java.sql.Types.BIGINT);
                } else {
                    insert.setString(7, w.lease().owner());
                    insert.setLong(8, w.lease().until().toEpochMilli());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void checkParameters(Work w) {
        w.parameters().forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0 || (k + v).indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a work parameter is a word and a line: " + k + "=" + v);
            }
        });
    }

    /** Removes the item of this claim if the table still holds that very claim; answers whether it did. */
    public static boolean complete(Connection c, Work claimed) throws SQLException {
        return complete(c, CONNECTOR_WORK, claimed);
    }

    /** {@link #complete(Connection, Work)} in the work table {@code table}. */
    public static boolean complete(Connection c, String table, Work claimed) throws SQLException {
        if (claimed.lease() == null) {
            return false;
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM " + table + " WHERE id = ? AND attempts = ? AND lease_owner = ?")) {
            delete.setString(1, claimed.id());
            delete.setInt(2, claimed.attempts());
            delete.setString(3, claimed.lease().owner());
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * Moves the end of this claim's lease to {@code until} if the table still holds that very claim
     * (same attempt and owner: nobody claimed the item since); answers whether it did.
     */
    public static boolean renew(Connection c, String table, Work claimed, Instant until) throws SQLException {
        if (claimed.lease() == null) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + table + " SET lease_until = ? WHERE id = ? AND attempts = ? AND lease_owner = ?")) {
            update.setLong(1, until.toEpochMilli());
            update.setString(2, claimed.id());
            update.setInt(3, claimed.attempts());
            update.setString(4, claimed.lease().owner());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Claims one item of these {@code kinds} that nobody holds at {@code now}, in the work table
     * {@code table}, in auto-commit mode.
     */
    public static Option<Work> claim(Connection c, String table, Dialect dialect, String owner, Instant now, Instant until,
            Set<WorkKind> kinds) throws SQLException {
        if (kinds.isEmpty()) {
            return Option.none();
        }
        String claimable = CLAIMABLE + ofKinds(kinds);
        return dialect == Dialect.POSTGRESQL ? claimSkippingLocked(c, table, claimable, owner, now, until)
                : claimByCondition(c, table, claimable, owner, now, until);
    }

    /** The condition on {@code kind} that keeps these kinds; none when they are all. */
    private static String ofKinds(Set<WorkKind> kinds) {
        if (kinds.containsAll(EnumSet.allOf(WorkKind.class))) {
            return "";
        }
        // wire values are lower-case words, safe to write into the statement
        return kinds.stream().map(k -> "'" + k.wireValue() + "'").sorted()
                .collect(Collectors.joining(", ", " AND kind IN (", ")"));
    }

    private static Option<Work> claimSkippingLocked(Connection c, String table, String claimable, String owner, Instant now,
            Instant until) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET lease_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1 WHERE id = (SELECT id FROM " + table + " WHERE " + claimable
                + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)) {
            update.setString(1, owner);
            update.setLong(2, until.toEpochMilli());
            update.setLong(3, now.toEpochMilli());
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Option.some(work(row)) : Option.none();
            }
        }
    }

    private static Option<Work> claimByCondition(Connection c, String table, String claimable, String owner, Instant now,
            Instant until) throws SQLException {
        while (true) {
            List<Work> candidates = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE "
                    + claimable + " ORDER BY id LIMIT " + CANDIDATES)) {
                select.setLong(1, now.toEpochMilli());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(work(rows));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return Option.none();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET lease_owner = ?, "
                    + "lease_until = ?, attempts = attempts + 1 WHERE id = ? AND attempts = ? AND " + CLAIMABLE)) {
                for (Work candidate : candidates) {
                    update.setString(1, owner);
                    update.setLong(2, until.toEpochMilli());
                    update.setString(3, candidate.id());
                    update.setInt(4, candidate.attempts());
                    update.setLong(5, now.toEpochMilli());
                    if (update.executeUpdate() == 1) {
                        return Option.some(candidate.claimedBy(owner, Instant.ofEpochMilli(until.toEpochMilli())));
                    }
                }
            }
            // every candidate went to another claimant meanwhile: look again
        }
    }

    /** Every item, by id. */
    public static List<Work> all(Connection c) throws SQLException {
        return all(c, CONNECTOR_WORK);
    }

    /** Every item of the work table {@code table}, by id. */
    public static List<Work> all(Connection c, String table) throws SQLException {
        List<Work> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(work(rows));
            }
        }
        return found;
    }

    private static Work work(ResultSet row) throws SQLException {
        String owner = row.getString(7);
        long until = row.getLong(8);
        Lease lease = owner == null || row.wasNull() ? null : new Lease(owner, Instant.ofEpochMilli(until));
        return new Work(row.getString(1), WorkKind.ofWireValue(row.getString(2)), row.getString(3), row.getLong(4),
                parameters(row.getString(5)), row.getInt(6), lease);
    }

    /** Parameters as {@code key=value} lines, sorted: keys and values are plain words. */
    static String parameters(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new TreeMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                parameters.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return parameters;
    }

}
