package io.connectstage.store.jdbc;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.connectstage.store.jdbc.internal.Columns;
import io.connectstage.store.jdbc.internal.Dialect;
import io.connectstage.store.jdbc.internal.Jdbc;
import io.connectstage.store.jdbc.internal.PostgresStagedInsert;
import io.connectstage.store.jdbc.internal.PublishedTable;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.store.jdbc.internal.Sql;
import io.connectstage.store.jdbc.internal.StagedCounts;
import io.connectstage.store.jdbc.internal.StagedQuery;
import io.connectstage.store.jdbc.internal.WorkTable;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link ConnectorStore} in a database: H2 (in memory or in a file) or PostgreSQL. It behaves
 * exactly as the memory store, and keeps each connector whole (its wire JSON) next to the
 * columns that queries filter and sort by.
 *
 * <p>The database does the work that needs atomicity: compare-and-set is
 * {@code UPDATE … WHERE id = ? AND version = ?} with the row count checked, and keys are kept
 * unique by a unique index; both come back as the same error values as in the memory store.
 * Queries run in SQL (filters, order, page), over indexes. The tables are created on first use
 * (see docs/jdbc-store.md, "Tables"). Nothing here throws {@code SQLException}: a database
 * that fails is a {@link JdbcStoreException}.
 *
 * <pre>{@code
 * DataSource dataSource = JdbcStores.h2File(Path.of("data/connectors"));
 * ConnectorStore store = new JdbcConnectorStore(dataSource);
 * ConnectorStagedService service = ConnectorStagedService.builder(store).build();
 * }</pre>
 */
public final class JdbcConnectorStore implements ConnectorStore {
    private static final String COLUMNS = "id, connector_key, version, name_utf16, is_private, status, integration_types, document, "
            + "created_at, last_modified_at";
    private static final int RETRIES = 100;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final DataSource dataSource;
    /** The published store of another schema the writes publish into ({@link #publishingTo}), or {@code null}: this schema's. */
    private final JdbcPublishedConnectorStore target;
    /** The schema of {@link #target}'s tables, or {@code null}: the current one of this store's connections. */
    private final String targetSchema;
    private final Alongside alongside;

    /**
     * What a store made by {@link #publishingTo} writes with each publication of its writes, on the
     * write's connection and in its transaction (after the staged change, before the publication),
     * such as who may read the published Connector: it commits or rolls back with them.
     */
    @FunctionalInterface
    public interface Alongside {
        Alongside NOTHING = (c, next, publication) -> { };

        /** {@code next} is the staged connector the write stores, {@code publication} what it publishes. */
        void publishing(Connection c, ConnectorStaged next, ConnectorWrite.Publication publication) throws SQLException;
    }

    /**
     * A store over this data source; creates the tables when they are missing. Use a data source
     * that pools connections for a server database ({@link JdbcStores} makes one).
     *
     * @throws JdbcStoreException when the database cannot be reached or has a newer schema
     */
    public JdbcConnectorStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource is null");
        this.dialect = Schema.ensure(dataSource);
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.target = null;
        this.targetSchema = null;
        this.alongside = Alongside.NOTHING;
    }

    private JdbcConnectorStore(JdbcConnectorStore base, JdbcPublishedConnectorStore target, String targetSchema,
            Alongside alongside) {
        this.dialect = base.dialect;
        this.dataSource = base.dataSource;
        this.jdbc = base.jdbc;
        this.target = target;
        this.targetSchema = targetSchema;
        this.alongside = Objects.requireNonNull(alongside, "alongside is null");
    }

    /**
     * A store over the same connectors whose writes publish into {@code published}, and write
     * {@code alongside}, in the transaction of the staged change: {@code published} is over this
     * very data source, or over another schema of the same {@link SharedDatabase} (a server whose
     * projects each have a schema of their own, and share the published Connectors of one schema).
     * The transaction locks the staged row first, then the published one, as every paired write
     * does, and a published store alone never locks a staged row: projects that publish at once
     * cannot deadlock.
     *
     * <pre>{@code
     * ConnectorStore staged = new JdbcConnectorStore(db.schema("project_a"))
     *         .publishingTo(new JdbcPublishedConnectorStore(db.schema("shared")), JdbcConnectorStore.Alongside.NOTHING);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code published} is in another database
     */
    public JdbcConnectorStore publishingTo(JdbcPublishedConnectorStore published, Alongside alongside) {
        Objects.requireNonNull(published, "published is null");
        if (published.dataSource() == dataSource) {
            return new JdbcConnectorStore(this, published, null, alongside);
        }
        if (dataSource instanceof SharedDatabase.InSchema mine && published.dataSource() instanceof SharedDatabase.InSchema theirs
                && mine.database() == theirs.database()) {
            return new JdbcConnectorStore(this, published, theirs.name(), alongside);
        }
        throw new IllegalArgumentException("the published store is not in the database of this store: "
                + published.dataSource());
    }

    @Override
    public Option<ConnectorStaged> findById(String id) {
        if (id == null) {
            return Option.none();
        }
        return jdbc.autoCommit("find a connector by id", c -> one(c,
                "SELECT document FROM connector_staged WHERE id = ?", id)).map(Columns::staged);
    }

    @Override
    public Option<ConnectorStaged> findByKey(String key) {
        if (key == null) {
            return Option.none();
        }
        return jdbc.autoCommit("find a connector by key", c -> one(c,
                "SELECT document FROM connector_staged WHERE connector_key = ?", key)).map(Columns::staged);
    }

    /**
     * On PostgreSQL one statement in auto-commit mode ({@link PostgresStagedInsert}: one round trip
     * instead of four); on H2, where a statement costs no round trip, the same writes one by one in
     * a transaction.
     */
    @Override
    public Either<StoreRefusal, ConnectorStaged> insert(ConnectorStaged connector) {
        Objects.requireNonNull(connector, "connector is null");
        Jdbc.Work<Either<StoreRefusal, ConnectorStaged>> work = c -> {
            for (int attempt = 0; attempt < RETRIES; attempt++) {
                try {
                    write(c, connector);
                    return Either.<StoreRefusal, ConnectorStaged>right(connector);
                } catch (SQLException e) {
                    if (!Jdbc.isUniqueViolation(e)) {
                        throw e;
                    }
                    endAttempt(c);
                }
                // As in the memory store, a taken key is reported before a taken id.
                if (connector.key() != null && one(c, "SELECT id FROM connector_staged WHERE connector_key = ?",
                        connector.key()).isDefined()) {
                    return Either.left(new StoreRefusal.KeyTaken(connector.key()));
                }
                if (one(c, "SELECT id FROM connector_staged WHERE id = ?", connector.id()).isDefined()) {
                    return Either.left(new StoreRefusal.IdTaken(connector.id()));
                }
                endAttempt(c); // the other connector was deleted meanwhile: try again
            }
            throw new JdbcStoreException("cannot insert connector " + connector.id() + ": it keeps conflicting");
        };
        return dialect == Dialect.POSTGRESQL ? jdbc.autoCommit("insert a connector", work)
                : jdbc.transaction("insert a connector", work);
    }

    private void write(Connection c, ConnectorStaged connector) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            PostgresStagedInsert.insert(c, connector);
            return;
        }
        insertRow(c, connector);
        insertTypes(c, connector);
        StagedCounts.add(c, connector.id(), connector.isPrivate(),
                Columns.integrationTypes(connector.integrationTypes()), 1);
    }

    /** Ends a failed attempt's transaction; in auto-commit mode each statement has ended its own. */
    private static void endAttempt(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    /**
     * Without work, the common case (integration types, privacy, name, status and createdAt
     * unchanged, so are the rows of connector_staged_integration_type, which repeat them) is one statement in auto-commit mode; when it misses,
     * the row says why. Everything else is one transaction: the row updated by compare-and-set, the
     * work to complete deleted (only if it is still that very claim), the type rows rewritten, the
     * new work inserted and the published Connector saved or listed (in this store's tables, see
     * {@link #publishesTo}), or nothing at all.
     */
    @Override
    public Either<StoreRefusal, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion, ConnectorWrite write) {
        Objects.requireNonNull(next, "next is null");
        List<Work> added = write.enqueue();
        Work completes = write.completes();
        ConnectorWrite.Publication publication = write.publishes();
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            if (added.isEmpty() && completes == null && publication == null) {
                Option<Either<StoreRefusal, ConnectorStaged>> fast = jdbc.autoCommit("replace a connector", c -> {
                    if (update(c, next, expectedVersion, true) == 1) {
                        return Option.some(Either.right(next));
                    }
                    return refusal(c, next, expectedVersion).map(Either::left);
                });
                if (fast.isDefined()) {
                    return fast.get();
                }
            }
            Option<Either<StoreRefusal, ConnectorStaged>> outcome = jdbc.transaction("replace a connector", c -> {
                // The connector row first, then the work and the counts: the order a delete (cascading
                // to the work) locks them in. The row as it was tells which counts it leaves.
                Option<Counted> before = locked(c, next.id(), expectedVersion);
                if (before.isEmpty() || update(c, next, expectedVersion, false) != 1) {
                    c.rollback();
                    return refusal(c, next, expectedVersion).map(Either::left); // none: the row changed back, try again
                }
                if (completes != null && !WorkTable.complete(c, completes)) {
                    c.rollback();
                    return Option.some(Either.left(new StoreRefusal.WorkGone(completes.id())));
                }
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM connector_staged_integration_type WHERE connector_id = ?")) {
                    delete.setString(1, next.id());
                    delete.executeUpdate();
                }
                insertTypes(c, next);
                StagedCounts.move(c, next.id(), before.get().isPrivate(), before.get().types(), next.isPrivate(),
                        Columns.integrationTypes(next.integrationTypes()));
                WorkTable.enqueue(c, added);
                if (publication != null) {
                    if (!publication.belongsTo(next.id())) {
                        throw new IllegalArgumentException("the publication of this write is not of connector " + next.id());
                    }
                    alongside.publishing(c, next, publication);
                    PublishedTable.apply(c, targetSchema, next.id(), publication);
                }
                return Option.some(Either.right(next));
            });
            if (outcome.isDefined()) {
                return outcome.get();
            }
        }
        throw new JdbcStoreException("cannot replace connector " + next.id() + ": the compare-and-set keeps missing");
    }

    /** What the counts of a connector depend on: its privacy and its integration types (wire spellings, sorted). */
    private record Counted(boolean isPrivate, List<String> types) {
    }

    /**
     * The privacy and types of the connector of this id and version, its row locked until the
     * transaction ends; none when there is no such row (the compare-and-set that follows misses
     * and says why).
     */
    private static Option<Counted> locked(Connection c, String id, long version) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT is_private, integration_types FROM connector_staged WHERE id = ? AND version = ? FOR UPDATE")) {
            select.setString(1, id);
            select.setLong(2, version);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Option.none();
                }
                List<String> types = new ArrayList<>();
                for (String type : row.getString(2).split(",")) {
                    if (!type.isEmpty()) {
                        types.add(type);
                    }
                }
                return Option.some(new Counted(row.getBoolean(1), types));
            }
        }
    }

    /**
     * The compare-and-set: updates the row only when its version is the expected one and its key
     * the same (and, with {@code sameTypeRows}, what the type rows repeat unchanged: integration
     * types, privacy, name, status and creation time). Answers the row count.
     */
    private static int update(Connection c, ConnectorStaged next, long expectedVersion, boolean sameTypeRows)
            throws SQLException {
        String types = Columns.integrationTypeList(next.integrationTypes());
        String sql = "UPDATE connector_staged SET version = ?, name_utf16 = ?, is_private = ?, status = ?, "
                + "integration_types = ?, document = ?, created_at = ?, last_modified_at = ? "
                + "WHERE id = ? AND version = ? AND "
                + (next.key() == null ? "connector_key IS NULL" : "connector_key = ?")
                + (sameTypeRows ? " AND integration_types = ? AND is_private = ? AND name_utf16 = ? AND status = ? AND "
                        + (next.createdAt() == null ? "created_at IS NULL" : "created_at = ?") : "");
        try (PreparedStatement update = c.prepareStatement(sql)) {
            int i = 0;
            update.setLong(++i, next.version());
            update.setBytes(++i, Columns.utf16(next.name()));
            update.setBoolean(++i, next.isPrivate());
            update.setString(++i, next.status().wireValue());
            update.setString(++i, types);
            update.setString(++i, Columns.document(next));
            update.setBytes(++i, Columns.instant(next.createdAt()));
            update.setBytes(++i, Columns.instant(next.lastModifiedAt()));
            update.setString(++i, next.id());
            update.setLong(++i, expectedVersion);
            if (next.key() != null) {
                update.setString(++i, next.key());
            }
            if (sameTypeRows) {
                update.setString(++i, types);
                update.setBoolean(++i, next.isPrivate());
                update.setBytes(++i, Columns.utf16(next.name()));
                update.setString(++i, next.status().wireValue());
                if (next.createdAt() != null) {
                    update.setBytes(++i, Columns.instant(next.createdAt()));
                }
            }
            return update.executeUpdate();
        }
    }

    /**
     * Why a compare-and-set missed, in the memory store's order: no such connector, another
     * version, another key. None when none of them holds: the fast update missed because what
     * the type rows repeat differs (integration types, privacy, name, status, creation time), or
     * the row changed back since; the caller goes on with a full update.
     */
    private static Option<StoreRefusal> refusal(Connection c, ConnectorStaged next, long expectedVersion)
            throws SQLException {
        String id = next.id();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT version, connector_key FROM connector_staged WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Option.some(new StoreRefusal.NotFound(id));
                }
                long storedVersion = row.getLong(1);
                String storedKey = row.getString(2);
                if (storedVersion != expectedVersion) {
                    return Option.some(new StoreRefusal.VersionMismatch(id, storedKey, expectedVersion, storedVersion));
                }
                if (!Objects.equals(storedKey, next.key())) {
                    return Option.some(new StoreRefusal.KeyChanged(id));
                }
                return Option.none();
            }
        }
    }

    /**
     * Whether {@code published} is the store this one was made to publish into ({@link #publishingTo});
     * else whether it is a {@link JdbcPublishedConnectorStore} over the very data source of
     * this store: its tables are then in this store's database and schema, and a write that
     * carries a publication saves it in the transaction of the staged change. A write with a
     * publication to any other store is the caller's mistake ({@link ConnectorStore#replace}).
     */
    @Override
    public boolean publishesTo(PublishedConnectorStore published) {
        if (target != null) {
            return published == target;
        }
        return published instanceof JdbcPublishedConnectorStore jdbcPublished && jdbcPublished.dataSource() == dataSource;
    }

    @Override
    public Either<StoreRefusal, ConnectorStaged> delete(String id, long expectedVersion) {
        Objects.requireNonNull(id, "id is null");
        return jdbc.transaction("delete a connector", c -> {
            ConnectorStaged current;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT document FROM connector_staged WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Either.left(new StoreRefusal.NotFound(id));
                    }
                    current = Columns.staged(row.getString(1));
                }
            }
            if (current.version() != expectedVersion) {
                return Either.left(new StoreRefusal.VersionMismatch(id, current.key(), expectedVersion,
                        current.version()));
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM connector_staged WHERE id = ? AND version = ?")) {
                delete.setString(1, id);
                delete.setLong(2, expectedVersion);
                if (delete.executeUpdate() != 1) {
                    throw new JdbcStoreException("connector " + id + " changed under a row lock");
                }
            }
            StagedCounts.add(c, id, current.isPrivate(), Columns.integrationTypes(current.integrationTypes()), -1);
            return Either.right(current);
        });
    }

    @Override
    public QueryPage query(ConnectorQuery query) {
        Objects.requireNonNull(query, "query is null");
        Sql.checkPage(query.limit(), query.offset(), query);
        Sql.Page<ConnectorStaged> page = jdbc.autoCommit("query connectors", c -> Sql.page(c,
                StagedQuery.select(query), StagedQuery.count(query), query.limit(), query.offset(),
                row -> Columns.staged(row.getString(1))));
        return new QueryPage(page.results(), page.total());
    }

    private static void insertRow(Connection c, ConnectorStaged connector) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO connector_staged (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, connector.id());
            insert.setString(2, connector.key());
            insert.setLong(3, connector.version());
            insert.setBytes(4, Columns.utf16(connector.name()));
            insert.setBoolean(5, connector.isPrivate());
            insert.setString(6, connector.status().wireValue());
            insert.setString(7, Columns.integrationTypeList(connector.integrationTypes()));
            insert.setString(8, Columns.document(connector));
            insert.setBytes(9, Columns.instant(connector.createdAt()));
            insert.setBytes(10, Columns.instant(connector.lastModifiedAt()));
            insert.executeUpdate();
        }
    }

    private static void insertTypes(Connection c, ConnectorStaged connector) throws SQLException {
        List<String> types = Columns.integrationTypes(connector.integrationTypes());
        if (types.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO connector_staged_integration_type (connector_id, integration_type, is_private, "
                        + "connector_key, name_utf16, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (String type : types) {
                insert.setString(1, connector.id());
                insert.setString(2, type);
                insert.setBoolean(3, connector.isPrivate());
                insert.setString(4, connector.key());
                insert.setBytes(5, Columns.utf16(connector.name()));
                insert.setString(6, connector.status().wireValue());
                insert.setBytes(7, Columns.instant(connector.createdAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Option<Work> claim(String owner, Instant now, Instant until, Set<WorkKind> kinds) {
        Objects.requireNonNull(owner, "owner is null");
        return jdbc.autoCommit("claim work", c -> WorkTable.claim(c, WorkTable.CONNECTOR_WORK, dialect, owner, now, until, kinds));
    }

    @Override
    public boolean complete(Work claimed) {
        Objects.requireNonNull(claimed, "claimed is null");
        return jdbc.autoCommit("complete work", c -> WorkTable.complete(c, claimed));
    }

    @Override
    public boolean renew(Work claimed, Instant until) {
        Objects.requireNonNull(claimed, "claimed is null");
        return jdbc.autoCommit("renew a lease", c -> WorkTable.renew(c, WorkTable.CONNECTOR_WORK, claimed, until));
    }

    @Override
    public List<Work> work() {
        return jdbc.autoCommit("list the work", WorkTable::all);
    }

    private static Option<String> one(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Option.of(row.getString(1)) : Option.none();
            }
        }
    }
}
