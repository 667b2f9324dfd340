package io.connectstage.store.jdbc.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.store.jdbc.JdbcStoreException;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How values become column values and back.
 *
 * <ul>
 *   <li>The whole value is its wire JSON ({@link ConnectJson}), with every character outside
 *       ASCII written as a JSON unicode escape: the text is then the same in any database
 *       encoding, and a string that is not valid UTF-16 (a lone surrogate) or holds a NUL, which
 *       PostgreSQL text cannot, still comes back equal.</li>
 *   <li>A free-text column that is sorted or compared (a name, a company) is the string's
 *       UTF-16 code units, big-endian, as bytes: byte order is then exactly
 *       {@code String.compareTo}, the order of the memory store, with no collation involved.</li>
 *   <li>Integration types are their wire spellings, sorted, without duplicates: one row each in
 *       the type table, and all in one column of the connector's row.</li>
 * </ul>
 */
public final class Columns {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ObjectReader STAGED = ConnectJson.mapper().readerFor(ConnectorStaged.class);
    private static final ObjectReader CONNECTOR = ConnectJson.mapper().readerFor(Connector.class);

    private Columns() {
    }

    /** The JSON column of a staged connector. */
    public static String document(ConnectorStaged connector) {
        return ascii(ConnectJson.write(connector));
    }

    /** The JSON column of a published Connector. */
    public static String document(Connector connector) {
        return ascii(ConnectJson.write(connector));
    }

    /**
     * The staged connector of a JSON column; a column the code cannot read is a failure of the
     * database. Read in one pass, as the store wrote it: {@link ConnectJson#readStaged} (a tree,
     * then the value, to report every wrong field of a request) takes twice as long, and is asked
     * only to say what is wrong with a column that does not read.
     */
    public static ConnectorStaged staged(String document) {
        try {
            return STAGED.readValue(document);
        } catch (IOException | RuntimeException e) {
            return readable(ConnectJson.readStaged(document), document);
        }
    }

    /** The published Connector of a JSON column, read as {@link #staged} reads. */
    public static Connector connector(String document) {
        try {
            return CONNECTOR.readValue(document);
        } catch (IOException | RuntimeException e) {
            return readable(ConnectJson.readConnector(document), document);
        }
    }

    private static <T> T readable(Either<ErrorResponse, T> value, String document) {
        if (value.isLeft()) {
            String start = document == null ? "null" : document.substring(0, Math.min(document.length(), 120));
            throw new JdbcStoreException("a stored document cannot be read (" + value.getLeft().message()
                    + ", " + value.getLeft().errors() + "): " + start);
        }
        return value.get();
    }

    /** JSON text with every non-ASCII character escaped; the JSON value is the same. */
    public static String ascii(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(json.length() + 16);
                out.append(json, 0, i);
            }
            // Outside a string JSON is ASCII, so c is inside a string, where the escape means c.
            out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                    .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
        return out == null ? json : out.toString();
    }

    /** The sort bytes of a string: its UTF-16 code units, big-endian; {@code null} stays {@code null}. */
    public static byte[] utf16(String value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = new byte[value.length() * 2];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes[2 * i] = (byte) (c >> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return bytes;
    }

    /**
     * The sort bytes of an instant: its epoch second with the sign bit flipped, then its nano of
     * second, both big-endian, so that unsigned byte order is the instant's order over its whole
     * range, nanoseconds included; {@code null} stays {@code null}.
     */
    public static byte[] instant(Instant value) {
        if (value == null) {
            return null;
        }
        return ByteBuffer.allocate(12).putLong(value.getEpochSecond() ^ Long.MIN_VALUE).putInt(value.getNano()).array();
    }

    /**
     * The integration-types column: the sorted, distinct wire spellings, each between commas
     * ({@code ",psp,tax,"}), so that {@code LIKE '%,psp,%'} finds a type; empty for none.
     */
    public static String integrationTypeList(Collection<IntegrationType> types) {
        List<String> spellings = integrationTypes(types);
        return spellings.isEmpty() ? "" : "," + String.join(",", spellings) + ",";
    }

    /** The LIKE pattern of connectors of this integration type, in the integration-types column. */
    public static String integrationTypePattern(String spelling) {
        return "%," + spelling + ",%";
    }

    /** The distinct wire spellings of these integration types, sorted. */
    public static List<String> integrationTypes(Collection<IntegrationType> types) {
        TreeSet<String> spellings = new TreeSet<>();
        for (IntegrationType type : types) {
            if (type != null) {
                spellings.add(type.wireValue());
            }
        }
        return List.copyOf(spellings);
    }
}
