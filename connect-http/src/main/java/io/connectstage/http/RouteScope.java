package io.connectstage.http;

import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope.Permission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.server.Request;

/**
 * Who may call a route: anyone (the OAuth endpoints, which authenticate their caller themselves),
 * a bearer token with any of some permissions (the connector routes: in the token's project), or
 * such a token of the very project a segment of the path names (the Deployment and fault routes;
 * a token of another project gets 403). Checked by {@link Authorization}: 401 without a live
 * token, 403 without the permission.
 */
sealed interface RouteScope permits RouteScope.Open, RouteScope.OfToken, RouteScope.OfPath {

    /** No bearer token: the route authenticates its caller itself. */
    static RouteScope open() {
        return new Open();
    }

    /** A token with any of these permissions; the route works in the token's project. */
    static RouteScope anyOf(Permission first, Permission... more) {
        return new OfToken(EnumSet.of(first, more));
    }

    /** A token with any of these permissions of the project that the path's segment {@code {name}} names. */
    static RouteScope pathProject(String name, Permission first, Permission... more) {
        return new OfPath(name, EnumSet.of(first, more), false);
    }

    /**
     * {@link #pathProject}, where a project that no client of the server belongs to is 404 (after
     * the 401 of a missing token, before the 403): a harness learns of its typo, not of a scope.
     */
    static RouteScope servedPathProject(String name, Permission first, Permission... more) {
        return new OfPath(name, EnumSet.of(first, more), true);
    }

    /** The route's answer, given the space it may work in, or the 401, 403 or 404 that keeps it out. */
    Answer admit(Authorization auth, Request request, PathParams path, Function<ProjectSpace, Answer> route);

    /** The permissions unmodifiable, in the order of their enum: a 403 lists them in that order. */
    private static Set<Permission> inEnumOrder(Set<Permission> anyOf) {
        return Collections.unmodifiableSet(EnumSet.copyOf(anyOf));
    }

    record Open() implements RouteScope {
        @Override
        public Answer admit(Authorization auth, Request request, PathParams path, Function<ProjectSpace, Answer> route) {
            return route.apply(null);
        }

        @Override
        public String toString() {
            return "open";
        }
    }

    record OfToken(Set<Permission> anyOf) implements RouteScope {
        public OfToken {
            anyOf = inEnumOrder(anyOf);
        }

        @Override
        public Answer admit(Authorization auth, Request request, PathParams path, Function<ProjectSpace, Answer> route) {
            return auth.authorized(request, anyOf, route);
        }

        @Override
        public String toString() {
            return "any of " + anyOf;
        }
    }

    record OfPath(String name, Set<Permission> anyOf, boolean servedOnly) implements RouteScope {
        public OfPath {
            Objects.requireNonNull(name, "name is null");
            anyOf = inEnumOrder(anyOf);
        }

        @Override
        public Answer admit(Authorization auth, Request request, PathParams path, Function<ProjectSpace, Answer> route) {
            String project = path.text(name);
            if (servedOnly) {
                if (auth.token(request).isEmpty()) {
                    return Answer.oauth(OAuthError.invalidToken());
                }
                if (auth.issuer().clients().stream().map(OAuthClient::projectKeys).noneMatch(keys -> keys.contains(project))) {
                    return Answer.notFound("project key '" + QueryParameters.shorten(project) + "'");
                }
            }
            return auth.authorized(request, project, anyOf, route);
        }

        @Override
        public String toString() {
            return "any of " + anyOf + " of {" + name + "}" + (servedOnly ? ", a served project" : "");
        }
    }
}
