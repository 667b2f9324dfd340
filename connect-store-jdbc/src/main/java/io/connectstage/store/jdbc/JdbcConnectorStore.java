package io.connectstage.store.jdbc;

import io.connectstage.action.Resources;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.QueryPage;
import io.connectstage.store.jdbc.internal.Columns;
import io.connectstage.store.jdbc.internal.Jdbc;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.store.jdbc.internal.Sql;
import io.connectstage.store.jdbc.internal.StagedQuery;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * (see the README's "JDBC store" section). Nothing here throws {@code SQLException}: a database
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
    /** Not an answer: a compare-and-set to try again. */
    private static final ConnectError AGAIN = ConnectError.general("try again");

    private final Jdbc jdbc;

    /**
     * A store over this data source; creates the tables when they are missing. Use a data source
     * that pools connections for a server database ({@link JdbcStores} makes one).
     *
     * @throws JdbcStoreException when the database cannot be reached or has a newer schema
     */
    public JdbcConnectorStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource is null");
        Schema.ensure(dataSource);
        this.jdbc = new Jdbc(dataSource);
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

    @Override
    public Either<ConnectError, ConnectorStaged> insert(ConnectorStaged connector) {
        Objects.requireNonNull(connector, "connector is null");
        return jdbc.transaction("insert a connector", c -> {
            for (int attempt = 0; attempt < RETRIES; attempt++) {
                try {
                    insertRow(c, connector);
                    insertTypes(c, connector);
                    return Either.<ConnectError, ConnectorStaged>right(connector);
                } catch (SQLException e) {
                    if (!Jdbc.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback();
                }
                // As in the memory store, a taken key is reported before a taken id.
                if (connector.key() != null && one(c, "SELECT id FROM connector_staged WHERE connector_key = ?",
                        connector.key()).isDefined()) {
                    return Either.left(ConnectError.duplicateField("key", connector.key()));
                }
                if (one(c, "SELECT id FROM connector_staged WHERE id = ?", connector.id()).isDefined()) {
                    return Either.left(ConnectError.duplicateField("id", connector.id()));
                }
                c.rollback(); // the other connector was deleted meanwhile: try again
            }
            throw new JdbcStoreException("cannot insert connector " + connector.id() + ": it keeps conflicting");
        });
    }

    @Override
    public Either<ConnectError, ConnectorStaged> replace(ConnectorStaged next, long expectedVersion) {
        Objects.requireNonNull(next, "next is null");
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            // The common case, integration types, privacy, name, status and createdAt unchanged (so
            // are the rows of connector_staged_integration_type, which repeat them): one statement,
            // no transaction. When it misses, the row says why; only a change of those goes on below.
            Either<ConnectError, ConnectorStaged> outcome = jdbc.autoCommit("replace a connector", c -> {
                if (update(c, next, expectedVersion, true) == 1) {
                    return Either.right(next);
                }
                return refusal(c, next, expectedVersion);
            });
            if (outcome == null) {
                outcome = jdbc.transaction("replace a connector", c -> {
                    if (update(c, next, expectedVersion, false) != 1) {
                        return null;
                    }
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM connector_staged_integration_type WHERE connector_id = ?")) {
                        delete.setString(1, next.id());
                        delete.executeUpdate();
                    }
                    insertTypes(c, next);
                    return Either.right(next);
                });
            }
            if (outcome != null && !(outcome.isLeft() && outcome.getLeft() == AGAIN)) {
                return outcome;
            }
        }
        throw new JdbcStoreException("cannot replace connector " + next.id() + ": the compare-and-set keeps missing");
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
     * version, another key. {@code null} when none of them holds but the integration types, the
     * privacy, the name, the status or the creation time differ (the update must also rewrite the type rows);
     * {@link #AGAIN} when nothing differs any more (the row changed back since): the caller tries
     * again.
     */
    private static Either<ConnectError, ConnectorStaged> refusal(Connection c, ConnectorStaged next,
            long expectedVersion) throws SQLException {
        String id = next.id();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT version, connector_key, integration_types, is_private, name_utf16, status, created_at "
                        + "FROM connector_staged "
                        + "WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Either.left(ConnectError.resourceNotFound("id '" + id + "'"));
                }
                long storedVersion = row.getLong(1);
                String storedKey = row.getString(2);
                if (storedVersion != expectedVersion) {
                    return Either.left(ConnectError.concurrentModification(Resources.describe(id, storedKey),
                            expectedVersion, storedVersion));
                }
                if (!Objects.equals(storedKey, next.key())) {
                    return Either.left(ConnectError.invalidField("key", "cannot be changed"));
                }
                boolean sameTypeRows = Columns.integrationTypeList(next.integrationTypes()).equals(row.getString(3))
                        && row.getBoolean(4) == next.isPrivate()
                        && Arrays.equals(row.getBytes(5), Columns.utf16(next.name()))
                        && next.status().wireValue().equals(row.getString(6))
                        && Arrays.equals(row.getBytes(7), Columns.instant(next.createdAt()));
                return sameTypeRows ? Either.left(AGAIN) : null;
            }
        }
    }

    @Override
    public Either<ConnectError, ConnectorStaged> delete(String id, long expectedVersion) {
        Objects.requireNonNull(id, "id is null");
        return jdbc.transaction("delete a connector", c -> {
            ConnectorStaged current;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT document FROM connector_staged WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Either.left(ConnectError.resourceNotFound("id '" + id + "'"));
                    }
                    current = Columns.staged(row.getString(1));
                }
            }
            if (current.version() != expectedVersion) {
                return Either.left(ConnectError.concurrentModification(Resources.describe(current),
                        expectedVersion, current.version()));
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM connector_staged WHERE id = ? AND version = ?")) {
                delete.setString(1, id);
                delete.setLong(2, expectedVersion);
                if (delete.executeUpdate() != 1) {
                    throw new JdbcStoreException("connector " + id + " changed under a row lock");
                }
            }
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

    /**
     * The status is a column; {@code isPreviewable} lives only in the document, where
     * {@code ConnectJson} writes it compactly, so a pattern finds it. This runs once per processor
     * start, not per request, so the scan is acceptable.
     */
    @Override
    public List<ConnectorStaged> awaitingProcessing() {
        return jdbc.autoCommit("find the connectors awaiting processing", c -> {
            List<ConnectorStaged> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT document FROM connector_staged"
                    + " WHERE status = ? OR document LIKE ? ORDER BY id")) {
                select.setString(1, ConnectorStatus.PROCESSING.wireValue());
                select.setString(2, "%\"isPreviewable\":\"" + IsPreviewable.PENDING.wireValue() + "\"%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(Columns.staged(rows.getString(1)));
                    }
                }
            }
            return found;
        });
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
