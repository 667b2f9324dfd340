package io.connectstage.http;

import io.connectstage.oauth.AccessToken;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.oauth.TokenIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The bearer-token check every route shares: 401 without a known token, 403 without one of the
 * permissions a route needs (or, where the path names a project, for a token of another project),
 * and otherwise the route, given the space of the token's project.
 */
final class Authorization {
    private final ProjectSpaces spaces;
    private final TokenIssuer issuer;

    Authorization(ProjectSpaces spaces, TokenIssuer issuer) {
        this.spaces = spaces;
        this.issuer = issuer;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    /** The route, in the space of the token's project, if the token grants any of these permissions. */
    Answer authorized(Request request, Set<Permission> anyOf, Function<ProjectSpace, Answer> route) {
        Optional<AccessToken> found = token(request);
        if (found.isEmpty()) {
            return Answer.oauth(OAuthError.invalidToken());
        }
        AccessToken token = found.get();
        if (!token.grantsAny(anyOf)) {
            return Answer.oauth(OAuthError.insufficientScope(needed(anyOf, token.projectKey())));
        }
        return route.apply(spaces.of(token.projectKey()));
    }

    /** {@link #authorized(Request, Set, Function)} for a path that names a project: a token of another project gets 403. */
    Answer authorized(Request request, String project, Set<Permission> anyOf, Function<ProjectSpace, Answer> route) {
        return authorized(request, anyOf, space -> space.projectKey().equals(project) ? route.apply(space)
                : Answer.oauth(OAuthError.insufficientScope(needed(anyOf, QueryParameters.shorten(project)))));
    }

    /** The token of the request's {@code Authorization: Bearer} header, if it is a live one. */
    Optional<AccessToken> token(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return issuer.find(header.substring(7).trim());
    }

    private static String needed(Set<Permission> anyOf, String project) {
        List<String> needed = new ArrayList<>();
        for (Permission p : anyOf) {
            needed.add(p.wireValue() + ":" + project);
        }
        return String.join(", ", needed);
    }
}
