package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.Limits;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
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

    public static final int DEFAULT_LIMIT = Limits.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = Limits.MAX_LIMIT;
    public static final int MAX_OFFSET = Limits.MAX_OFFSET;

    /**
     * Holds what was asked, valid or not: a {@code null} criterion or type stays, and
     * {@link #errors()} reports it as {@code InvalidQueryParam} instead of this constructor throwing.
     */
    public ConnectorQuery {
        sort = sort == null ? java.util.List.of() : Collections.unmodifiableList(new ArrayList<>(sort));
        integrationTypes = integrationTypes == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(integrationTypes));
    }

    /**
     * A query from the query parameters of {@code GET /connectors/drafts}, as an HTTP server
     * decodes them (each name with every value it was given): {@code limit}, {@code offset},
     * {@code sort} (repeatable, one criterion each: {@code sort=createdAt desc&sort=name}),
     * {@code isPrivate} ({@code true} / {@code false}) and {@code integrationTypes} (repeatable).
     * Every parameter that is malformed, or given twice where it may not be (and a field sorted by
     * twice) is an {@code InvalidQueryParam} error; all of them are reported together. Other
     * parameters are ignored, as unknown JSON fields are.
     *
     * <pre>{@code
     * ConnectorQuery.fromQueryParameters(Map.of("limit", List.of("50"), "sort", List.of("createdAt desc")));
     * }</pre>
     */
    public static Either<Seq<ConnectError>, ConnectorQuery> fromQueryParameters(Map<String, java.util.List<String>> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        Integer limit = p.integer("limit", DEFAULT_LIMIT);
        Integer offset = p.integer("offset", 0);
        java.util.List<Sort> sort = p.sorts("sort");
        Boolean isPrivate = p.bool("isPrivate");
        Set<IntegrationType> types = p.integrationTypes("integrationTypes");
        ConnectorQuery query = new ConnectorQuery(limit == null ? DEFAULT_LIMIT : limit, offset == null ? 0 : offset,
                sort, isPrivate, types);
        java.util.List<ConnectError> errors = new ArrayList<>(p.errors());
        errors.addAll(query.errors().asJava());
        return errors.isEmpty() ? Either.right(query) : Either.left(List.ofAll(errors));
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
        return pagingErrors(limit, offset).appendAll(nullErrors(sort, "sort")).appendAll(
                integrationTypes.contains(null) ? List.of(ConnectError.invalidQueryParam("integrationTypes",
                        "must not contain null")) : List.empty());
    }

    /** One error per {@code null} sort criterion, by its position. */
    static Seq<ConnectError> nullErrors(java.util.List<Sort> sort, String param) {
        java.util.List<ConnectError> errors = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            if (sort.get(i) == null) {
                errors.add(ConnectError.invalidQueryParam(param + "[" + i + "]", "must not be null"));
            }
        }
        return List.ofAll(errors);
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
            if (type != null && integrationTypes.contains(type)) {
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
