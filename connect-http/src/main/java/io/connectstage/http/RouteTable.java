package io.connectstage.http;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Routes by method and path template, and the answer when none fits: 404 {@code ResourceNotFound}
 * for a path no template matches, 405 with {@code Allow} (the template's methods in the order they
 * were added) for a path that matches with another method. When several templates match a path,
 * the most specific one decides ({@link PathTemplate#MOST_SPECIFIC_FIRST}), also for the 405.
 * A first literal segment that starts with a dot ({@code /.connectstage}) is a namespace of its
 * own: no named segment matches it, so such paths never reach the Connect routes. Templates ending
 * with {@code **} ({@link PathTemplate#tail()}) are tried, in the order added, only when no other
 * template matches; a route of method {@code *} takes every method.
 *
 * <p>Finding a route splits at most one segment more than the longest template has, then compares
 * each template once: no regular expression, no backtracking, whatever the path.
 *
 * <pre>{@code
 * RouteTable table = RouteTable.builder()
 *     .route("GET", "/connectors/{ref}", scope, handler)
 *     .build();
 * Either<Answer, RouteTable.Match> found = table.find("GET", "/connectors/key=my-connector");
 * }</pre>
 */
final class RouteTable {
    /** A route and the named segments of the path it was found for. */
    record Match(Route route, PathParams path) {
    }

    private final List<Route> routes;
    private final Map<PathTemplate, List<Route>> byTemplate;
    /** The routes of tail templates, in the order added. */
    private final List<Route> tails;
    private final Set<String> namespaces;
    private final int maxSegments;

    private RouteTable(List<Route> routes, Map<PathTemplate, List<Route>> byTemplate, List<Route> tails,
            Set<String> namespaces, int maxSegments) {
        this.routes = routes;
        this.byTemplate = byTemplate;
        this.tails = tails;
        this.namespaces = namespaces;
        this.maxSegments = maxSegments;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Every route, in the order they were added. */
    List<Route> routes() {
        return routes;
    }

    /** The route of this method and (decoded) path, or the 404 or 405 to answer. */
    Either<Answer, Match> find(String method, String path) {
        String[] segments = segments(path, maxSegments);
        if (segments != null) {
            for (Map.Entry<PathTemplate, List<Route>> entry : byTemplate.entrySet()) {
                PathParams params = entry.getKey().match(segments, namespaces);
                if (params == null) {
                    continue;
                }
                for (Route route : entry.getValue()) {
                    if (route.takes(method)) {
                        return Either.right(new Match(route, params));
                    }
                }
                String allow = entry.getValue().stream().map(Route::method).collect(Collectors.joining(", "));
                return Either.left(Answer.methodNotAllowed(method, path, allow));
            }
        }
        for (Route route : tails) {
            PathParams params = route.template().matchTail(path, namespaces);
            if (params != null && route.takes(method)) {
                return Either.right(new Match(route, params));
            }
        }
        return Either.left(Answer.notFound("path '" + QueryParameters.shorten(path) + "'"));
    }

    /**
     * The segments of a path ({@code /a/b} is {@code a}, {@code b}), or {@code null} for one that
     * does not start with {@code /} or has more than {@code max}: no template matches those, and
     * a path of a million slashes is not split into a million strings to learn it.
     */
    static String[] segments(String path, int max) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (true) {
            if (segments.size() == max) {
                return null;
            }
            int slash = path.indexOf('/', start);
            segments.add(slash < 0 ? path.substring(start) : path.substring(start, slash));
            if (slash < 0) {
                return segments.toArray(String[]::new);
            }
            start = slash + 1;
        }
    }

    /** Routes added one by one; {@link #build()} refuses two routes of one method and template shape. */
    static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        Builder route(String method, String template, RouteScope scope, RouteHandler handler) {
            routes.add(new Route(method, PathTemplate.parse(template), scope, handler));
            return this;
        }

        RouteTable build() {
            Map<PathTemplate, List<Route>> byTemplate = new TreeMap<>(PathTemplate.MOST_SPECIFIC_FIRST);
            List<Route> tails = new ArrayList<>();
            Set<String> namespaces = new TreeSet<>();
            int max = 0;
            for (Route route : routes) {
                String first = route.template().literal(0);
                if (first != null && first.startsWith(".")) {
                    namespaces.add(first);
                }
                if (route.template().tail()) {
                    for (Route other : tails) {
                        if (other.template().toString().equals(route.template().toString())) {
                            throw new IllegalArgumentException(route + " clashes with " + other);
                        }
                    }
                    tails.add(route);
                    continue;
                }
                List<Route> same = byTemplate.computeIfAbsent(route.template(), t -> new ArrayList<>());
                for (Route other : same) {
                    if (other.method().equals(route.method()) || !other.template().toString().equals(route.template().toString())) {
                        throw new IllegalArgumentException(route + " clashes with " + other);
                    }
                }
                same.add(route);
                max = Math.max(max, route.template().size());
            }
            Map<PathTemplate, List<Route>> frozen = new LinkedHashMap<>();
            byTemplate.forEach((t, rs) -> frozen.put(t, List.copyOf(rs)));
            return new RouteTable(List.copyOf(routes), frozen, List.copyOf(tails), Set.copyOf(namespaces), max);
        }
    }

    @Override
    public String toString() {
        return routes.stream().map(Route::toString).collect(Collectors.joining("\n"));
    }
}
