package io.connectstage.store.jdbc;

import io.connectstage.connector.Connector;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.ConnectorSearchPage;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.SortField;
import io.connectstage.store.jdbc.internal.Columns;
import io.connectstage.store.jdbc.internal.Jdbc;
import io.connectstage.store.jdbc.internal.PublishedTable;
import io.connectstage.store.jdbc.internal.Schema;
import io.connectstage.store.jdbc.internal.Sql;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A {@link PublishedConnectorStore} in a database, next to {@link JdbcConnectorStore} (same
 * schema, same data source or not). It behaves exactly as the memory store.
 *
 * <p>Searches filter, sort and page in SQL. The one filter SQL does not do is {@code text}: the
 * memory store matches it with Java's {@code toLowerCase(Locale.ROOT)}, which no database
 * collation reproduces for every script, so with a text the candidates that pass the other
 * filters are read in order and matched here.
 *
 * <pre>{@code
 * PublishedConnectorStore published = new JdbcPublishedConnectorStore(dataSource);
 * }</pre>
 */
public final class JdbcPublishedConnectorStore implements PublishedConnectorStore {
    private final Jdbc jdbc;
    private final DataSource dataSource;

    /**
     * A store over this data source; creates the tables when they are missing.
     *
     * @throws JdbcStoreException when the database cannot be reached or has a newer schema
     */
    public JdbcPublishedConnectorStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource is null");
        Schema.ensure(dataSource);
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Option<Connector> findById(String id) {
        if (id == null) {
            return Option.none();
        }
        return jdbc.autoCommit("find a published connector by id",
                c -> document(c, "SELECT document FROM connector_published WHERE id = ?", id));
    }

    @Override
    public Option<Connector> findByKey(String key) {
        if (key == null) {
            return Option.none();
        }
        // Keys of published Connectors are unique in practice (the staged store sees to it), but
        // a deleted and re-created connector may leave two: take the first by id.
        return jdbc.autoCommit("find a published connector by key", c -> document(c,
                "SELECT document FROM connector_published WHERE connector_key = ? ORDER BY id LIMIT 1", key));
    }

    @Override
    public void save(Connector connector, boolean listed) {
        Objects.requireNonNull(connector, "connector is null");
        jdbc.transaction("save a published connector", c -> {
            PublishedTable.save(c, connector, listed);
            return null;
        });
    }

    @Override
    public boolean setListed(String id, boolean listed) {
        Objects.requireNonNull(id, "id is null");
        return jdbc.autoCommit("change the listing of a published connector", c -> PublishedTable.setListed(c, id, listed));
    }

    /** The data source this store was made with: a staged store over the same one publishes here in its own writes. */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public ConnectorSearchPage search(ConnectorSearch search) {
        Objects.requireNonNull(search, "search is null");
        Sql.checkPage(search.limit(), search.offset(), search);
        StringBuilder where = new StringBuilder(" WHERE (c.listed OR c.is_private)");
        List<Object> parameters = new ArrayList<>();
        if (Boolean.TRUE.equals(search.isPrivate())) {
            where.append(" AND c.is_private");
        }
        if (search.creatorCompany() != null) {
            where.append(" AND c.company_utf16 = ?");
            parameters.add(Columns.utf16(search.creatorCompany()));
        }
        if (!search.ids().isEmpty()) {
            where.append(" AND c.id IN (").append(Sql.marks(search.ids().size())).append(')');
            parameters.addAll(new TreeSet<>(search.ids()));
        }
        if (!search.keys().isEmpty()) {
            where.append(" AND c.connector_key IN (").append(Sql.marks(search.keys().size())).append(')');
            parameters.addAll(new TreeSet<>(search.keys()));
        }
        if (!search.integrationTypes().isEmpty()) {
            List<String> types = Columns.integrationTypes(search.integrationTypes());
            where.append(" AND EXISTS (SELECT 1 FROM connector_published_integration_type t"
                    + " WHERE t.connector_id = c.id AND t.integration_type IN (").append(Sql.marks(types.size())).append("))");
            parameters.addAll(types);
        }
        String select = "SELECT c.document FROM connector_published c" + where
                + Sql.orderBy(List.of(), search.sort(), JdbcPublishedConnectorStore::column, "c.id");
        boolean text = search.text() != null && !search.text().isBlank();
        if (text) {
            return jdbc.autoCommit("search published connectors",
                    c -> matchText(c, new Sql.Bound(select, parameters), search));
        }
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(search.limit());
        paged.add(search.offset());
        Sql.Page<Connector> page = jdbc.autoCommit("search published connectors", c -> Sql.page(c,
                new Sql.Bound(select + " LIMIT ? OFFSET ?", paged),
                new Sql.Bound("SELECT COUNT(*) FROM connector_published c" + where, parameters),
                search.limit(), search.offset(), row -> Columns.connector(row.getString(1))));
        return new ConnectorSearchPage(page.results(), page.total());
    }

    /** The column of a sort field; {@code null} for the status, which Connectors do not have. */
    private static String column(SortField field) {
        switch (field) {
            case ID:
                return "c.id";
            case KEY:
                return "c.connector_key";
            case NAME:
                return "c.name_utf16";
            case VERSION:
                return "c.version";
            default:
                return null;
        }
    }

    /** The other filters and the order in SQL; the text matched here, as the memory store does. */
    private static ConnectorSearchPage matchText(Connection c, Sql.Bound select, ConnectorSearch search)
            throws SQLException {
        List<Connector> results = new ArrayList<>();
        long total = 0;
        try (PreparedStatement statement = c.prepareStatement(select.text())) {
            Sql.bind(statement, select.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Connector connector = Columns.connector(rows.getString(1));
                    if (!search.matches(connector)) {
                        continue;
                    }
                    if (total >= search.offset() && results.size() < search.limit()) {
                        results.add(connector);
                    }
                    total++;
                }
            }
        }
        return new ConnectorSearchPage(results, total);
    }

    private static Option<Connector> document(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Option.of(Columns.connector(row.getString(1))) : Option.none();
            }
        }
    }
}
