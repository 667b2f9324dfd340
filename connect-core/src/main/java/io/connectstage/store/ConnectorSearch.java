package io.connectstage.store;

import io.connectstage.connector.Connector;
import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * A search of published Connectors, with the parameters of {@code GET /connectors/search}:
 * {@code text} (in name or description, ignoring case), paging as for queries, sort criteria
 * (any {@link SortField} a Connector has: not {@code status}, {@code createdAt}, {@code lastModifiedAt}), {@code private} (true: only private Connectors),
 * {@code creator.company}, and the {@code id}, {@code key} and {@code integrationTypes} lists
 * (a Connector matches a list when it has any of its values; an empty list matches all).
 */
public record ConnectorSearch(
        String text,
        int limit,
        int offset,
        java.util.List<Sort> sort,
        Boolean isPrivate,
        String creatorCompany,
        Set<String> ids,
        Set<String> keys,
        Set<IntegrationType> integrationTypes) {

    public ConnectorSearch {
        sort = sort == null ? java.util.List.of() : java.util.List.copyOf(sort);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        keys = keys == null ? Set.of() : Set.copyOf(keys);
        integrationTypes = integrationTypes == null ? Set.of() : Set.copyOf(integrationTypes);
    }

    /** Everything, first page, default size, ordered by id. */
    public static ConnectorSearch defaults() {
        return new ConnectorSearch(null, ConnectorQuery.DEFAULT_LIMIT, 0, null, null, null, null, null, null);
    }

    public ConnectorSearch withText(String value) {
        return new ConnectorSearch(value, limit, offset, sort, isPrivate, creatorCompany, ids, keys, integrationTypes);
    }

    public ConnectorSearch withLimit(int value) {
        return new ConnectorSearch(text, value, offset, sort, isPrivate, creatorCompany, ids, keys, integrationTypes);
    }

    public ConnectorSearch withOffset(int value) {
        return new ConnectorSearch(text, limit, value, sort, isPrivate, creatorCompany, ids, keys, integrationTypes);
    }

    public ConnectorSearch withSort(java.util.List<Sort> value) {
        return new ConnectorSearch(text, limit, offset, value, isPrivate, creatorCompany, ids, keys, integrationTypes);
    }

    public ConnectorSearch withIsPrivate(Boolean value) {
        return new ConnectorSearch(text, limit, offset, sort, value, creatorCompany, ids, keys, integrationTypes);
    }

    public ConnectorSearch withCreatorCompany(String value) {
        return new ConnectorSearch(text, limit, offset, sort, isPrivate, value, ids, keys, integrationTypes);
    }

    public ConnectorSearch withIds(Set<String> value) {
        return new ConnectorSearch(text, limit, offset, sort, isPrivate, creatorCompany, value, keys, integrationTypes);
    }

    public ConnectorSearch withKeys(Set<String> value) {
        return new ConnectorSearch(text, limit, offset, sort, isPrivate, creatorCompany, ids, value, integrationTypes);
    }

    public ConnectorSearch withIntegrationTypes(Set<IntegrationType> value) {
        return new ConnectorSearch(text, limit, offset, sort, isPrivate, creatorCompany, ids, keys, value);
    }

    /** The {@code InvalidQueryParam} errors of this search; none when a store may run it. */
    public Seq<ConnectError> errors() {
        Seq<ConnectError> errors = ConnectorQuery.pagingErrors(limit, offset);
        for (Sort criterion : sort) {
            if (criterion.field().connectorAscending() == null) {
                errors = errors.append(ConnectError.invalidQueryParam("sort", "Connectors have no "
                        + criterion.field().wireValue() + " to sort by"));
            }
        }
        return errors;
    }

    /** Whether a Connector passes the filters (the listing is the store's to check). */
    public boolean matches(Connector c) {
        if (isPrivate != null && isPrivate && !c.isPrivate()) {
            return false;
        }
        if (creatorCompany != null && !creatorCompany.equals(c.creator().company())) {
            return false;
        }
        if (!ids.isEmpty() && !ids.contains(c.id())) {
            return false;
        }
        if (!keys.isEmpty() && (c.key() == null || !keys.contains(c.key()))) {
            return false;
        }
        if (!integrationTypes.isEmpty() && c.integrationTypes().stream().noneMatch(integrationTypes::contains)) {
            return false;
        }
        return text == null || text.isBlank() || contains(c.name(), text) || contains(c.description(), text);
    }

    private static boolean contains(String field, String text) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** The order of the results: the sort criteria, then id. */
    public Comparator<Connector> order() {
        return Sort.order(sort, Sort::connectorComparator, Comparator.comparing(Connector::id));
    }
}
