package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Comparator;
import java.util.Set;

/**
 * A query of ConnectorStaged: paging ({@code limit} 0 to 500, default 20; {@code offset} 0 to
 * 10,000, default 0), sort criteria in order (ties are broken by id, so pages are stable), and
 * the filters {@code isPrivate} (absent: both) and {@code integrationTypes} (a connector matches
 * when it has any of them; empty: all).
 *
 * <pre>{@code
 * ConnectorQuery.defaults().withLimit(50).withSort(List.of(Sort.desc(SortField.VERSION)));
 * }</pre>
 */
public record ConnectorQuery(
        int limit,
        int offset,
        java.util.List<Sort> sort,
        Boolean isPrivate,
        Set<IntegrationType> integrationTypes) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 10_000;

    public ConnectorQuery {
        sort = sort == null ? java.util.List.of() : java.util.List.copyOf(sort);
        integrationTypes = integrationTypes == null ? Set.of() : Set.copyOf(integrationTypes);
    }

    /** Everything, first page, default size, ordered by id. */
    public static ConnectorQuery defaults() {
        return new ConnectorQuery(DEFAULT_LIMIT, 0, java.util.List.of(), null, Set.of());
    }

    public ConnectorQuery withLimit(int value) {
        return new ConnectorQuery(value, offset, sort, isPrivate, integrationTypes);
    }

    public ConnectorQuery withOffset(int value) {
        return new ConnectorQuery(limit, value, sort, isPrivate, integrationTypes);
    }

    public ConnectorQuery withSort(java.util.List<Sort> value) {
        return new ConnectorQuery(limit, offset, value, isPrivate, integrationTypes);
    }

    public ConnectorQuery withIsPrivate(Boolean value) {
        return new ConnectorQuery(limit, offset, sort, value, integrationTypes);
    }

    public ConnectorQuery withIntegrationTypes(Set<IntegrationType> value) {
        return new ConnectorQuery(limit, offset, sort, isPrivate, value);
    }

    /** The {@code InvalidQueryParam} errors of this query; none when a store may run it. */
    public Seq<ConnectError> errors() {
        return pagingErrors(limit, offset);
    }

    /** The {@code InvalidQueryParam} errors of a page: {@code limit} 0 to 500, {@code offset} 0 to 10,000. */
    static Seq<ConnectError> pagingErrors(int limit, int offset) {
        Seq<ConnectError> errors = List.empty();
        if (limit < 0 || limit > MAX_LIMIT) {
            errors = errors.append(ConnectError.invalidQueryParam("limit", "must be between 0 and " + MAX_LIMIT + ", got " + limit));
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            errors = errors.append(ConnectError.invalidQueryParam("offset", "must be between 0 and " + MAX_OFFSET + ", got " + offset));
        }
        return errors;
    }

    /** Whether a connector passes the filters. */
    public boolean matches(ConnectorStaged c) {
        if (isPrivate != null && c.isPrivate() != isPrivate) {
            return false;
        }
        if (integrationTypes.isEmpty()) {
            return true;
        }
        for (IntegrationType type : c.integrationTypes()) {
            if (integrationTypes.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** The order of the results: the sort criteria, then id. */
    public Comparator<ConnectorStaged> order() {
        return Sort.order(sort, Sort::comparator, SortField.ID.ascending());
    }
}
