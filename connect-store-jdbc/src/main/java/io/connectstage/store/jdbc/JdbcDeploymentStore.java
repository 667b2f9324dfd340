package io.connectstage.store.jdbc;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.error.ErrorResponse;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentQueryPage;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Sort;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.store.jdbc.internal.Columns;
import io.connectstage.store.jdbc.internal.Dialect;
import io.connectstage.store.jdbc.internal.Jdbc;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.store.jdbc.internal.WorkTable;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link DeploymentStore} in a database (H2 in memory or in a file, PostgreSQL), behaving as the
 * memory store. Each Deployment is kept whole as the JSON {@link DeploymentJson#writeForStorage}
 * writes (secured values in clear: they must come back; they are never put in a message), next
 * to the columns that queries filter and sort by. A write is one transaction: the row by
 * compare-and-set ({@code UPDATE … WHERE id = ? AND project_key = ? AND version = ?}), the claim
 * it completes (deleted only while it is that very claim), the work it enqueues (as given, lease
 * included, in place of a stored item with its id) and the log rows it appends. Logs are read by index, one page at a time.
 *
 * <p>The log rows of a Deployment are bounded ({@code maxLogEntriesPerDeployment}): the
 * Deployment's row counts them ({@code log_entries}), so a write that appends past the bound
 * deletes just the oldest rows beyond it, found at the start of the {@code (deployment_id, ts,
 * seq)} index, in its own transaction: no count of all the rows, no scan of the kept ones. The
 * Deployment's row is locked by the write (updated, or selected {@code FOR UPDATE}), so the
 * count of two writers never goes astray.
 *
 * <pre>{@code
 * DeploymentStore store = new JdbcDeploymentStore(JdbcStores.h2File(Path.of("data/connectstage")));
 * DeploymentStore small = new JdbcDeploymentStore(dataSource, 10_000); // at most 10,000 log entries per Deployment
 * }</pre>
 */
public final class JdbcDeploymentStore implements DeploymentStore {
    private static final String TABLE = WorkTable.DEPLOYMENT_WORK;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final int maxLogEntriesPerDeployment;

    /**
     * A store over this data source that keeps at most
     * {@value DeploymentStore#DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT} log entries per Deployment;
     * creates the tables when they are missing.
     *
     * @throws JdbcStoreException when the database cannot be reached or has a newer schema
     */
    public JdbcDeploymentStore(DataSource dataSource) {
        this(dataSource, DEFAULT_MAX_LOG_ENTRIES_PER_DEPLOYMENT);
    }

    /**
     * A store over this data source that keeps at most {@code maxLogEntriesPerDeployment} log
     * entries per Deployment, the newest; creates the tables when they are missing.
     *
     * @throws IllegalArgumentException when the bound is below 1
     * @throws JdbcStoreException when the database cannot be reached or has a newer schema
     */
    public JdbcDeploymentStore(DataSource dataSource, int maxLogEntriesPerDeployment) {
        Objects.requireNonNull(dataSource, "dataSource is null");
        if (maxLogEntriesPerDeployment < 1) {
            throw new IllegalArgumentException("maxLogEntriesPerDeployment is at least 1, not " + maxLogEntriesPerDeployment);
        }
        this.maxLogEntriesPerDeployment = maxLogEntriesPerDeployment;
        this.dialect = Schema.ensure(dataSource);
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Option<Deployment> findById(String projectKey, String id) {
        if (projectKey == null || id == null) {
            return Option.none();
        }
        return jdbc.autoCommit("find a deployment by id", c -> one(c,
                "SELECT document FROM deployment WHERE id = ? AND project_key = ?", id, projectKey)).map(JdbcDeploymentStore::deployment);
    }

    @Override
    public Option<Deployment> findByKey(String projectKey, String key) {
        if (projectKey == null || key == null) {
            return Option.none();
        }
        return jdbc.autoCommit("find a deployment by key", c -> one(c,
                "SELECT document FROM deployment WHERE deployment_key = ? AND project_key = ?", key, projectKey))
                .map(JdbcDeploymentStore::deployment);
    }

    @Override
    public Either<StoreRefusal, Deployment> insert(String projectKey, Deployment d, DeploymentWrite write) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(d, "deployment is null");
        Objects.requireNonNull(write, "write is null");
        return jdbc.transaction("insert a deployment", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO deployment (id, project_key, deployment_key, "
                    + "version, deployment_type, status, integration_types, document, created_at, last_modified_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, d.id());
                insert.setString(2, projectKey);
                insert.setString(3, d.key());
                insert.setLong(4, d.version());
                insert.setString(5, d.type().wireValue());
                insert.setString(6, d.status().wireValue());
                insert.setString(7, Columns.integrationTypeList(d.connector().integrationTypes()));
                insert.setString(8, document(d));
                insert.setBytes(9, Columns.instant(d.createdAt()));
                insert.setBytes(10, Columns.instant(d.lastModifiedAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();
                if (d.key() != null && one(c, "SELECT id FROM deployment WHERE deployment_key = ? AND project_key = ?",
                        d.key(), projectKey).isDefined()) {
                    return Either.<StoreRefusal, Deployment>left(new StoreRefusal.KeyTaken(d.key()));
                }
                return Either.<StoreRefusal, Deployment>left(new StoreRefusal.IdTaken(d.id()));
            }
            WorkTable.enqueueReplacing(c, TABLE, write.enqueue());
            appendLogs(c, d.id(), write.logs());
            return Either.<StoreRefusal, Deployment>right(d);
        });
    }

    @Override
    public Either<StoreRefusal, Deployment> replace(String projectKey, Deployment next, long expectedVersion,
            DeploymentWrite write) {
        Objects.requireNonNull(next, "next is null");
        Objects.requireNonNull(write, "write is null");
        return jdbc.transaction("replace a deployment", c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE deployment SET version = ?, deployment_type = ?, "
                    + "status = ?, integration_types = ?, document = ?, created_at = ?, last_modified_at = ? "
                    + "WHERE id = ? AND project_key = ? AND version = ? AND " + sameKey(next.key()))) {
                update.setLong(1, next.version());
                update.setString(2, next.type().wireValue());
                update.setString(3, next.status().wireValue());
                update.setString(4, Columns.integrationTypeList(next.connector().integrationTypes()));
                update.setString(5, document(next));
                update.setBytes(6, Columns.instant(next.createdAt()));
                update.setBytes(7, Columns.instant(next.lastModifiedAt()));
                update.setString(8, next.id());
                update.setString(9, projectKey);
                update.setLong(10, expectedVersion);
                if (next.key() != null) {
                    update.setString(11, next.key());
                }
                updated = update.executeUpdate();
            }
            if (updated != 1) {
                StoreRefusal refusal = refusal(c, projectKey, next.id(), next.key(), expectedVersion, true);
                c.rollback();
                return Either.<StoreRefusal, Deployment>left(refusal);
            }
            if (write.completes() != null && !WorkTable.complete(c, TABLE, write.completes())) {
                c.rollback();
                return Either.<StoreRefusal, Deployment>left(new StoreRefusal.WorkGone(write.completes().id()));
            }
            WorkTable.enqueueReplacing(c, TABLE, write.enqueue());
            appendLogs(c, next.id(), write.logs());
            return Either.<StoreRefusal, Deployment>right(next);
        });
    }

    private static String sameKey(String key) {
        return key == null ? "deployment_key IS NULL" : "deployment_key = ?";
    }

    @Override
    public Either<StoreRefusal, Deployment> delete(String projectKey, String id, long expectedVersion, Work completes) {
        if (projectKey == null || id == null) {
            return Either.left(new StoreRefusal.NotFound(id));
        }
        return jdbc.transaction("delete a deployment", c -> {
            String doc = one(c, "SELECT document FROM deployment WHERE id = ? AND project_key = ?", id, projectKey).getOrNull();
            if (doc == null) {
                return Either.<StoreRefusal, Deployment>left(new StoreRefusal.NotFound(id));
            }
            Deployment current = deployment(doc);
            if (current.version() != expectedVersion) {
                return Either.<StoreRefusal, Deployment>left(new StoreRefusal.VersionMismatch(id, current.key(),
                        expectedVersion, current.version()));
            }
            if (completes != null && !WorkTable.complete(c, TABLE, completes)) {
                c.rollback();
                return Either.<StoreRefusal, Deployment>left(new StoreRefusal.WorkGone(completes.id()));
            }
            int deleted;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM deployment WHERE id = ? AND version = ?")) {
                delete.setString(1, id);
                delete.setLong(2, expectedVersion);
                deleted = delete.executeUpdate();
            }
            if (deleted != 1) {
                StoreRefusal refusal = refusal(c, projectKey, id, current.key(), expectedVersion, false);
                c.rollback();
                return Either.<StoreRefusal, Deployment>left(refusal);
            }
            return Either.<StoreRefusal, Deployment>right(current);
        });
    }

    private static StoreRefusal refusal(Connection c, String projectKey, String id, String key, long expectedVersion,
            boolean checkKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT version, deployment_key FROM deployment WHERE id = ? AND project_key = ?")) {
            select.setString(1, id);
            select.setString(2, projectKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new StoreRefusal.NotFound(id);
                }
                long version = row.getLong(1);
                String storedKey = row.getString(2);
                if (version != expectedVersion) {
                    return new StoreRefusal.VersionMismatch(id, storedKey, expectedVersion, version);
                }
                if (checkKey && !Objects.equals(storedKey, key)) {
                    return new StoreRefusal.KeyChanged(id);
                }
                // the row changed between the update and this read: report it as a lost race
                return new StoreRefusal.VersionMismatch(id, storedKey, expectedVersion, version);
            }
        }
    }

    @Override
    public DeploymentQueryPage query(DeploymentQuery query) {
        return jdbc.autoCommit("query deployments", c -> {
            StringBuilder where = new StringBuilder(" WHERE project_key = ?");
            List<String> params = new ArrayList<>();
            params.add(query.projectKey());
            if (query.deploymentType() != null) {
                where.append(" AND deployment_type = ?");
                params.add(query.deploymentType().wireValue());
            }
            List<String> types = Columns.integrationTypes(query.integrationTypes());
            if (!types.isEmpty()) {
                where.append(" AND (");
                for (int i = 0; i < types.size(); i++) {
                    where.append(i == 0 ? "" : " OR ").append("integration_types LIKE ?");
                    params.add(Columns.integrationTypePattern(types.get(i)));
                }
                where.append(")");
            }
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM deployment" + where)) {
                bind(count, params);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<Deployment> results = new ArrayList<>();
            if (query.limit() > 0 && query.offset() < total) {
                try (PreparedStatement select = c.prepareStatement("SELECT document FROM deployment" + where
                        + " ORDER BY " + order(query.sort()) + " LIMIT " + query.limit() + " OFFSET " + query.offset())) {
                    bind(select, params);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            results.add(deployment(rows.getString(1)));
                        }
                    }
                }
            }
            return new DeploymentQueryPage(results, total);
        });
    }

    private static String order(List<Sort> sort) {
        StringBuilder order = new StringBuilder();
        for (Sort s : sort) {
            if (s == null) {
                continue;
            }
            String dir = s.ascending() ? " ASC" : " DESC";
            switch (s.field()) {
                case KEY:
                    order.append("deployment_key").append(dir).append(s.ascending() ? " NULLS LAST" : " NULLS FIRST");
                    break;
                case VERSION:
                    order.append("version").append(dir);
                    break;
                case STATUS:
                    order.append("status").append(dir);
                    break;
                case CREATED_AT:
                    order.append("created_at").append(dir).append(s.ascending() ? " NULLS FIRST" : " NULLS LAST");
                    break;
                case LAST_MODIFIED_AT:
                    order.append("last_modified_at").append(dir).append(s.ascending() ? " NULLS FIRST" : " NULLS LAST");
                    break;
                default:
                    order.append("id").append(dir);
            }
            order.append(", ");
        }
        return order.append("id").toString();
    }

    @Override
    public List<DeploymentLog> logs(String deploymentId, DeploymentLogRange range) {
        if (deploymentId == null || range.limit() == 0) {
            return List.of();
        }
        return jdbc.autoCommit("read deployment logs", c -> {
            StringBuilder where = new StringBuilder(" WHERE deployment_id = ?");
            List<Object> params = new ArrayList<>();
            params.add(deploymentId);
            if (range.applicationName() != null) {
                where.append(" AND application_name = ?");
                params.add(range.applicationName());
            }
            long skip = 0;
            if (range.from() != null) {
                if (range.skip() > 0) {
                    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM deployment_log" + where + " AND ts = ?")) {
                        bindAll(count, params);
                        count.setLong(params.size() + 1, nanos(range.from()));
                        try (ResultSet row = count.executeQuery()) {
                            row.next();
                            skip = Math.min(range.skip(), row.getLong(1));
                        }
                    }
                }
                where.append(" AND ts >= ?");
                params.add(nanos(range.from()));
            }
            if (range.to() != null) {
                where.append(" AND ts <= ?");
                params.add(nanos(range.to()));
            }
            List<DeploymentLog> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT document, ts FROM deployment_log" + where
                    + " ORDER BY ts, seq LIMIT " + range.limit() + " OFFSET " + skip)) {
                bindAll(select, params);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(log(rows.getString(1), rows.getLong(2)));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        return jdbc.autoCommit("claim deployment work", c -> WorkTable.claim(c, TABLE, dialect, owner, now, until, kinds));
    }

    @Override
    public boolean complete(Work claimed) {
        return claimed != null && jdbc.autoCommit("complete deployment work", c -> WorkTable.complete(c, TABLE, claimed));
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        return claimed != null && jdbc.autoCommit("renew a deployment lease", c -> WorkTable.renew(c, TABLE, claimed, until));
    }

    @Override
    public List<Work> work() {
        return jdbc.autoCommit("list deployment work", c -> WorkTable.all(c, TABLE));
    }

    @Override
    public boolean appendLogs(String projectKey, String deploymentId, List<DeploymentLog> logs) {
        Objects.requireNonNull(logs, "logs is null");
        if (deploymentId == null || projectKey == null) {
            return false;
        }
        return jdbc.transaction("append deployment logs", c -> {
            // the row lock orders this append with a delete, which removes the logs in its own write
            if (one(c, "SELECT id FROM deployment WHERE id = ? AND project_key = ? FOR UPDATE", deploymentId,
                    projectKey).isEmpty()) {
                return false;
            }
            appendLogs(c, deploymentId, logs);
            return true;
        });
    }

    /**
     * Inserts the rows of {@code logs}, then deletes the Deployment's oldest rows beyond the bound
     * and keeps its count; the caller holds the lock on the Deployment's row.
     */
    private void appendLogs(Connection c, String deploymentId, List<DeploymentLog> logs) throws SQLException {
        if (logs.isEmpty()) {
            return;
        }
        insertLogs(c, deploymentId, logs);
        long entries;
        try (PreparedStatement select = c.prepareStatement("SELECT log_entries FROM deployment WHERE id = ?")) {
            select.setString(1, deploymentId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                entries = row.getLong(1) + logs.size();
            }
        }
        long excess = entries - maxLogEntriesPerDeployment;
        if (excess > 0) {
            // The oldest rows, from the start of the (deployment_id, ts, seq) index: as many as the bound is exceeded by.
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM deployment_log WHERE seq IN "
                    + "(SELECT seq FROM deployment_log WHERE deployment_id = ? ORDER BY ts, seq LIMIT ?)")) {
                delete.setString(1, deploymentId);
                delete.setLong(2, excess);
                delete.executeUpdate();
            }
            entries = maxLogEntriesPerDeployment;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE deployment SET log_entries = ? WHERE id = ?")) {
            update.setLong(1, entries);
            update.setString(2, deploymentId);
            update.executeUpdate();
        }
    }

    private static void insertLogs(Connection c, String deploymentId, List<DeploymentLog> logs) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO deployment_log (deployment_id, application_name, ts, document) VALUES (?, ?, ?, ?)")) {
            for (DeploymentLog log : logs) {
                insert.setString(1, deploymentId);
                insert.setString(2, log.applicationName());
                insert.setLong(3, nanos(log.timestamp()));
                insert.setString(4, Columns.ascii(DeploymentJson.writeForStorage(log)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Epoch nanoseconds: exact for every instant from 1678 to 2262. */
    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static String document(Deployment d) {
        return Columns.ascii(DeploymentJson.writeForStorage(d));
    }

    private static Deployment deployment(String document) {
        return readable(DeploymentJson.readDeployment(document), "deployment");
    }

    /** The entry of a row: its JSON, with the timestamp of the {@code ts} column (the JSON keeps milliseconds only). */
    private static DeploymentLog log(String document, long ts) {
        DeploymentLog read = readable(DeploymentJson.readLog(document), "deployment log entry");
        Instant at = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L));
        return new DeploymentLog(read.type(), read.deploymentId(), read.applicationName(), read.severity(), at, read.details());
    }

    /** A stored document the code cannot read: the message names the problem, never the document (it holds secrets). */
    private static <T> T readable(Either<ErrorResponse, T> value, String what) {
        if (value.isLeft()) {
            throw new JdbcStoreException("a stored " + what + " cannot be read: " + value.getLeft().message());
        }
        return value.get();
    }

    private static Option<String> one(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Option.of(row.getString(1)) : Option.none();
            }
        }
    }

    private static void bind(PreparedStatement s, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setString(i + 1, params.get(i));
        }
    }

    private static void bindAll(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long n) {
                s.setLong(i + 1, n);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
    }
}
