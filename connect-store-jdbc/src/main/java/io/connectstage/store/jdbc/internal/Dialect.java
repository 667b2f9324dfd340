package io.connectstage.store.jdbc.internal;

import io.connectstage.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few places where H2 2.x and PostgreSQL need different SQL: the type of the JSON text, and
 * the collation of the id and key columns. Everything else the stores send is the same text.
 */
public enum Dialect {
    /**
     * H2 compares strings with {@code String.compareTo}, as the memory store does. Its JSON is
     * {@code CHARACTER VARYING} without a length (up to H2's limit of a billion characters),
     * kept in the row: a character large object would go to H2's LOB storage, three more trees
     * to write on every change.
     */
    H2("CHARACTER VARYING", ""),
    /**
     * PostgreSQL sorts text by the database's locale unless told otherwise; {@code "C"} compares
     * code points, which is Java's order for every character outside the surrogate range.
     */
    POSTGRESQL("TEXT", " COLLATE \"C\"");

    private final String largeText;
    private final String binaryCollation;

    Dialect(String largeText, String binaryCollation) {
        this.largeText = largeText;
        this.binaryCollation = binaryCollation;
    }

    /** The dialect of the database behind this connection. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new JdbcStoreException("the JDBC stores support H2 and PostgreSQL, not " + product);
    }

    /** The type of a column of unbounded text. */
    public String largeText() {
        return largeText;
    }

    /** What follows a string column's type so that it compares like Java strings. */
    public String binaryCollation() {
        return binaryCollation;
    }
}
