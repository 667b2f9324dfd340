package io.connectstage.json.internal;

/**
 * Thrown while a tree is read when an object has the same key twice; {@link JsonReader} answers it with
 * an {@code InvalidJsonInput} error. No stack trace: it is an answer to bad input, not a bug.
 */
public final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public DuplicateKeyException(String key) {
        super("duplicate key '" + key + "'", null, false, false);
        this.key = key;
    }

    /** The key that appears twice. */
    public String key() {
        return key;
    }
}
