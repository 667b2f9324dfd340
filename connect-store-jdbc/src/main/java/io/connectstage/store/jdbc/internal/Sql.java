package io.connectstage.store.jdbc.internal;

import io.connectstage.store.Sort;
import io.connectstage.store.SortField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The SQL building both stores share: placeholders, binding, the ORDER BY of sort criteria, and
 * a page with its total (counted only when the page does not tell it). A statement is its text
 * and its parameters together ({@link Bound}), so that they cannot drift apart.
 */
public final class Sql {
    private Sql() {
    }

    /** A statement's text and the values of its {@code ?} in order. */
    public record Bound(String text, List<Object> parameters) {
        public Bound {
            Objects.requireNonNull(text, "text is null");
            parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        }
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A page of results and how many there are in all. */
    public record Page<T>(List<T> results, long total) {
    }

    /** {@code count} question marks, comma-separated: the placeholders of an {@code IN (…)}. */
    public static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds {@code parameters} from the first placeholder on; answers how many it bound. */
    public static int bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        int i = 0;
        for (Object parameter : parameters) {
            statement.setObject(++i, parameter);
        }
        return i;
    }

    /**
     * The ORDER BY of sort criteria, then {@code tieBreak} ascending: as {@code Sort.comparator()}
     * orders, a key that is absent comes last going up and first going down. {@code column} names
     * the column of a field ({@code null}: the field orders nothing here, as {@code status} for
     * published Connectors); an absent key comes last going up, an absent time first; {@code lead} are columns that every row of the query has equal
     * (filtered to one value), put first so that an index that starts with them gives the order.
     */
    public static String orderBy(List<String> lead, List<Sort> sort, Function<SortField, String> column,
            String tieBreak) {
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (String constant : lead) {
            order.append(constant).append(", ");
        }
        for (Sort criterion : sort) {
            String name = column.apply(criterion.field());
            if (name == null) {
                continue;
            }
            order.append(name).append(criterion.ascending() ? " ASC" : " DESC");
            Boolean absentFirst = absentFirstGoingUp(criterion.field());
            if (absentFirst != null) {
                order.append(absentFirst == criterion.ascending() ? " NULLS FIRST" : " NULLS LAST");
            }
            order.append(", ");
        }
        return order.append(tieBreak).append(" ASC").toString();
    }

    /** Where a field that may be absent puts the absent going up: first (times), last (key); {@code null}: never absent. */
    public static Boolean absentFirstGoingUp(SortField field) {
        switch (field) {
            case KEY:
                return false;
            case CREATED_AT:
            case LAST_MODIFIED_AT:
                return true;
            default:
                return null;
        }
    }

    /** The rows of a statement. */
    public static <T> List<T> list(Connection c, Bound select, Row<T> row) throws SQLException {
        List<T> results = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(select.text())) {
            bind(statement, select.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(row.read(rows));
                }
            }
        }
        return results;
    }

    /** The single number a {@code SELECT COUNT…} answers. */
    public static long count(Connection c, Bound count) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(count.text())) {
            bind(statement, count.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * A page: {@code select} (which holds its own {@code LIMIT} and {@code OFFSET}, bound to
     * {@code limit} and {@code offset}) is not run for a limit of 0. A short page that is not
     * past the end says how many match; else {@code count} is run.
     */
    public static <T> Page<T> page(Connection c, Bound select, Bound count, int limit, int offset, Row<T> row)
            throws SQLException {
        List<T> results = limit > 0 ? list(c, select, row) : List.of();
        if (results.size() < limit && (!results.isEmpty() || offset == 0)) {
            return new Page<>(results, offset + results.size());
        }
        return new Page<>(results, count(c, count));
    }

    /** Throws when a limit or an offset is negative: no page has them. */
    public static void checkPage(int limit, int offset, Object what) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("a page needs a limit and an offset of at least 0: " + what);
        }
    }
}
