package io.connectstage.store.jdbc.internal;

import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of a query of staged connectors: the page and the count. Which index the page walks
 * depends on the filters:
 *
 * <ul>
 *   <li>no integration type: the connector table's index of {@code (is_private, field, id)}
 *       (or {@code (field, id)}), for the ids of the page; the 20 connectors of the page are then
 *       read by id;</li>
 *   <li>integration types, and every sort field one that the type rows repeat (id, key, name,
 *       status, createdAt): the type table's index of {@code (integration_type, is_private, field,
 *       connector_id)}, one range per type and privacy asked, each read for
 *       {@code offset + limit} entries at most and merged; the 20 connectors of the page are then
 *       read by id. No row of another type is looked at;</li>
 *   <li>integration types and a sort by version or lastModifiedAt: the connector table's index of the field,
 *       testing the types kept in the row.</li>
 * </ul>
 *
 * <p>The merge is exact: a connector among the first {@code offset + limit} of the whole order
 * is among the first {@code offset + limit} of every range that holds it, since whatever comes
 * before it in a range comes before it in the whole order too.
 */
public final class StagedQuery {
    private static final String TYPE_TABLE = "connector_staged_integration_type";

    private StagedQuery() {
    }

    /** The page: {@code SELECT document …} with its limit and offset bound. */
    public static Sql.Bound select(ConnectorQuery query) {
        List<String> types = Columns.integrationTypes(query.integrationTypes());
        if (types.isEmpty()) {
            return walkConnectors(query, types);
        }
        for (Sort criterion : query.sort()) {
            if (typeColumn(criterion.field()) == null) {
                return walkConnectors(query, types);
            }
        }
        return walkTypes(query, types);
    }

    /**
     * How many connectors pass the filters. Of one integration type or of none, the counts that
     * the writes keep answer ({@link StagedCounts}: a sum of a few rows). Of several types, the type
     * rows (they repeat the privacy), from their index: a connector with several of the types counts once.
     */
    public static Sql.Bound count(ConnectorQuery query) {
        List<String> types = Columns.integrationTypes(query.integrationTypes());
        if (types.size() <= 1) {
            return StagedCounts.count(types.isEmpty() ? null : types.get(0), query.isPrivate());
        }
        List<Object> parameters = new ArrayList<>(types);
        String sql = "SELECT COUNT(DISTINCT t.connector_id) FROM " + TYPE_TABLE + " t WHERE t.integration_type IN ("
                + Sql.marks(types.size()) + ")" + (query.isPrivate() == null ? "" : " AND t.is_private = ?");
        if (query.isPrivate() != null) {
            parameters.add(query.isPrivate());
        }
        return new Sql.Bound(sql, parameters);
    }

    /**
     * Walks the connector table's index of the first sort field; the types (if any) are tested
     * in the row, where they are kept as {@code ,psp,tax,}. A query that filters by
     * {@code is_private} orders by it first: it is the same for every row, and H2 takes an index
     * for the order only when the ORDER BY starts as the index does.
     */
    private static Sql.Bound walkConnectors(ConnectorQuery query, List<String> types) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (query.isPrivate() != null) {
            where.append(" WHERE c.is_private = ?");
            parameters.add(query.isPrivate());
        }
        if (!types.isEmpty()) {
            where.append(where.length() == 0 ? " WHERE (" : " AND (");
            for (int i = 0; i < types.size(); i++) {
                where.append(i == 0 ? "" : " OR ").append("c.integration_types LIKE ?");
                parameters.add(Columns.integrationTypePattern(types.get(i)));
            }
            where.append(')');
        }
        parameters.add(query.limit());
        parameters.add(query.offset());
        String order = Sql.orderBy(query.isPrivate() == null ? List.of() : List.of("c.is_private"), query.sort(),
                f -> "c." + stagedColumn(f), "c.id");
        if (!types.isEmpty()) {
            return new Sql.Bound("SELECT c.document FROM connector_staged c" + where + order + " LIMIT ? OFFSET ?",
                    parameters);
        }
        // Filtered by privacy at most, which the index holds: the walk to the page reads the index
        // (PostgreSQL: an index-only scan), not the documents, and only the page's are read.
        Set<String> columns = new LinkedHashSet<>();
        columns.add("id");
        for (Sort criterion : query.sort()) {
            columns.add(stagedColumn(criterion.field()));
        }
        return new Sql.Bound("SELECT c.document FROM (SELECT c." + String.join(", c.", columns)
                + " FROM connector_staged c" + where + order + " LIMIT ? OFFSET ?) p"
                + " JOIN connector_staged c ON c.id = p.id"
                + Sql.orderBy(List.of(), query.sort(), f -> "p." + stagedColumn(f), "p.id"), parameters);
    }

    /** Walks the type table's index, one range per type and privacy; reads the page's connectors by id. */
    private static Sql.Bound walkTypes(ConnectorQuery query, List<String> types) {
        List<Boolean> privacies = query.isPrivate() == null ? List.of(false, true) : List.of(query.isPrivate());
        Set<String> columns = new LinkedHashSet<>();
        columns.add("connector_id");
        for (Sort criterion : query.sort()) {
            columns.add(typeColumn(criterion.field()));
        }
        String selected = "t." + String.join(", t.", columns);
        String rangeOrder = Sql.orderBy(List.of("t.integration_type", "t.is_private"), query.sort(),
                f -> "t." + typeColumn(f), "t.connector_id");
        List<Object> parameters = new ArrayList<>();
        String page;
        if (types.size() * privacies.size() == 1) {
            page = "SELECT " + selected + " FROM " + TYPE_TABLE + " t WHERE t.integration_type = ? AND t.is_private = ?"
                    + rangeOrder + " LIMIT ? OFFSET ?";
            parameters.add(types.get(0));
            parameters.add(privacies.get(0));
            parameters.add(query.limit());
            parameters.add(query.offset());
        } else {
            List<String> ranges = new ArrayList<>();
            for (String type : types) {
                for (Boolean isPrivate : privacies) {
                    ranges.add("SELECT * FROM (SELECT " + selected + " FROM " + TYPE_TABLE
                            + " t WHERE t.integration_type = ? AND t.is_private = ?" + rangeOrder + " LIMIT ?) r"
                            + ranges.size());
                    parameters.add(type);
                    parameters.add(isPrivate);
                    parameters.add(query.offset() + query.limit());
                }
            }
            // UNION, not UNION ALL: a connector of several of the types is one row of the merge.
            page = "SELECT * FROM (" + String.join(" UNION ", ranges) + ") u"
                    + Sql.orderBy(List.of(), query.sort(), f -> "u." + typeColumn(f), "u.connector_id")
                    + " LIMIT ? OFFSET ?";
            parameters.add(query.limit());
            parameters.add(query.offset());
        }
        return new Sql.Bound("SELECT c.document FROM (" + page + ") p JOIN connector_staged c ON c.id = p.connector_id"
                + Sql.orderBy(List.of(), query.sort(), f -> "p." + typeColumn(f), "p.connector_id"), parameters);
    }

    /** The column of a sort field in {@code connector_staged}. */
    private static String stagedColumn(SortField field) {
        switch (field) {
            case ID:
                return "id";
            case KEY:
                return "connector_key";
            case NAME:
                return "name_utf16";
            case VERSION:
                return "version";
            case STATUS:
                return "status";
            case CREATED_AT:
                return "created_at";
            case LAST_MODIFIED_AT:
                return "last_modified_at";
            default:
                throw new IllegalStateException("no column for " + field);
        }
    }

    /**
     * The column of a sort field in the type table, which repeats the fields that seldom change;
     * {@code null} for the version and the last modification, which change on every write
     * (repeating them would make every update write the type rows too).
     */
    private static String typeColumn(SortField field) {
        switch (field) {
            case ID:
                return "connector_id";
            case KEY:
            case NAME:
            case STATUS:
            case CREATED_AT:
                return stagedColumn(field);
            default:
                return null;
        }
    }
}
