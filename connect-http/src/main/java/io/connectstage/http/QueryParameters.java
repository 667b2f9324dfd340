package io.connectstage.http;

import io.connectstage.connector.IntegrationType;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.store.ConnectorQuery;
import io.connectstage.store.ConnectorSearch;
import io.connectstage.store.Sort;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw query parameters into a {@link ConnectorSearch} and a delete's {@code version}, every bad
 * parameter an {@code InvalidQueryParam}; queries of drafts use the core's
 * {@code ConnectorQuery.fromQueryParameters}. A stand-in until the core parses searches too.
 * Unknown parameters are ignored, as the Connect API does.
 */
final class QueryParameters {
    private final Map<String, List<String>> params;
    private final List<ConnectError> errors = new ArrayList<>();

    private QueryParameters(Map<String, List<String>> params) {
        this.params = params;
    }

    static Either<ErrorResponse, ConnectorSearch> search(Map<String, List<String>> raw) {
        QueryParameters p = new QueryParameters(raw);
        ConnectorSearch search = ConnectorSearch.defaults()
                .withText(p.single("text"))
                .withLimit(p.integer("limit", ConnectorQuery.DEFAULT_LIMIT))
                .withOffset(p.integer("offset", 0))
                .withSort(p.sort())
                .withIsPrivate(p.bool("private"))
                .withCreatorCompany(p.single("creator.company"))
                .withIds(new LinkedHashSet<>(p.all("id")))
                .withKeys(new LinkedHashSet<>(p.all("key")))
                .withIntegrationTypes(p.integrationTypes());
        return p.answer(search, search.errors());
    }

    /** The {@code version} of a delete: absent is {@code null}. */
    static Either<ErrorResponse, Long> version(Map<String, List<String>> raw) {
        QueryParameters p = new QueryParameters(raw);
        String text = p.single("version");
        if (text == null) {
            return p.answer(null, io.vavr.collection.List.empty());
        }
        try {
            long v = Long.parseLong(text);
            if (v < 1) {
                p.errors.add(ConnectError.invalidQueryParam("version", "must be a positive integer, got " + text));
            }
            return p.answer(v, io.vavr.collection.List.empty());
        } catch (NumberFormatException e) {
            p.errors.add(ConnectError.invalidQueryParam("version", "'" + shorten(text) + "' is not an integer"));
            return p.answer(null, io.vavr.collection.List.empty());
        }
    }

    private <T> Either<ErrorResponse, T> answer(T value, io.vavr.collection.Seq<ConnectError> more) {
        List<ConnectError> all = new ArrayList<>(errors);
        more.forEach(all::add);
        return all.isEmpty() ? Either.right(value) : Either.left(ErrorResponse.of(all));
    }

    private List<String> all(String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }

    private String single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            errors.add(ConnectError.invalidQueryParam(name, "given " + values.size() + " times, expected once"));
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private int integer(String name, int absent) {
        String text = single(name);
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.add(ConnectError.invalidQueryParam(name, "'" + shorten(text) + "' is not an integer"));
            return absent;
        }
    }

    private Boolean bool(String name) {
        String text = single(name);
        if (text == null) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        errors.add(ConnectError.invalidQueryParam(name, "'" + shorten(text) + "' is neither true nor false"));
        return null;
    }

    private List<Sort> sort() {
        List<Sort> sort = new ArrayList<>();
        for (String text : all("sort")) {
            Either<ConnectError, Sort> parsed = Sort.parse(text);
            if (parsed.isLeft()) {
                errors.add(parsed.getLeft());
            } else {
                sort.add(parsed.get());
            }
        }
        return sort;
    }

    private Set<IntegrationType> integrationTypes() {
        Set<IntegrationType> types = new LinkedHashSet<>();
        for (String text : all("integrationTypes")) {
            try {
                types.add(IntegrationType.fromWire(text));
            } catch (IllegalArgumentException e) {
                errors.add(ConnectError.invalidQueryParam("integrationTypes", e.getMessage()));
            }
        }
        return types;
    }

    static String shorten(String text) {
        String s = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
