package io.connectstage.rule;

/**
 * The limits of a request, in one place: the commercetools limits that the Connect API applies.
 * Each is checked before any work that grows with it: the number of update actions before any
 * action is read or applied, the size of a document while it is parsed.
 *
 * <pre>{@code
 * if (actions.size() > Limits.MAX_UPDATE_ACTIONS) { ... }   // 400 InvalidJsonInput
 * }</pre>
 */
public final class Limits {
    /** Update actions in one update request. More: {@code InvalidJsonInput}. */
    public static final int MAX_UPDATE_ACTIONS = 500;
    /** {@code limit} of a query or search: 0 to 500. More: {@code InvalidQueryParam}. */
    public static final int MAX_LIMIT = 500;
    /** {@code limit} when a query does not say. */
    public static final int DEFAULT_LIMIT = 20;
    /** {@code offset} of a query or search: 0 to 10,000. More: {@code InvalidQueryParam}. */
    public static final int MAX_OFFSET = 10_000;
    /** Size of a JSON document, in characters (a body, or a resource read back): 16 MiB. */
    public static final int MAX_DOCUMENT_LENGTH = 16 * 1024 * 1024;
    /** Nesting depth of a JSON document. */
    public static final int MAX_NESTING_DEPTH = 100;

    private Limits() {
    }
}
