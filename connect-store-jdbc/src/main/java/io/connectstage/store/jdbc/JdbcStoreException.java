package io.connectstage.store.jdbc;

/**
 * The database could not do what a JDBC store asked: it is unreachable, refused the SQL, holds
 * data the store cannot read, or has a schema this code does not know. Expected outcomes (a
 * taken key, a stale version, a missing connector) are never exceptions: they are the
 * {@code Either.left} values of the store SPI, as in the memory store.
 *
 * <pre>{@code
 * try {
 *     store.findById(id);
 * } catch (JdbcStoreException e) {
 *     // the database is gone; e.getCause() is the SQLException, if there was one
 * }
 * }</pre>
 */
public class JdbcStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JdbcStoreException(String message) {
        super(message);
    }

    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
