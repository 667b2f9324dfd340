package io.connectstage.http;

import io.connectstage.oauth.AccessToken;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.oauth.TokenIssuer;
import io.vavr.control.Either;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The auth service: {@code POST /oauth/token} (the client credentials grant; one project per
 * token) and {@code POST /oauth/introspect} (which also tells a client, of its own token, the
 * projects it may ask tokens for), the client authenticated by HTTP Basic, the parameters in the
 * query or a form body (commercetools' auth takes both), every refusal the OAuth error JSON.
 */
final class OAuthRoutes {
    private final TokenIssuer issuer;
    private final Bodies bodies;

    OAuthRoutes(TokenIssuer issuer, Bodies bodies) {
        this.issuer = issuer;
        this.bodies = bodies;
    }

    Answer token(Call call) {
        Either<Answer, Map<String, List<String>>> form = form(call.request(), call.query());
        if (form.isLeft()) {
            return form.getLeft();
        }
        Map<String, List<String>> params = form.get();
        Either<OAuthError, OAuthClient> client = basicClient(call.request());
        if (client.isLeft()) {
            return Answer.oauth(client.getLeft());
        }
        String grant = FormEncoding.first(params, "grant_type");
        if (grant == null) {
            return Answer.oauth(OAuthError.invalidRequest("Missing required parameter: grant_type."));
        }
        if (!grant.equals("client_credentials")) {
            return Answer.oauth(OAuthError.unsupportedGrantType());
        }
        return issuer.issue(client.get(), FormEncoding.first(params, "scope")).fold(Answer::oauth, token -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token.value());
            body.put("token_type", "Bearer");
            body.put("expires_in", issuer.lifetime().toSeconds());
            body.put("scope", token.scopeString());
            return Answer.json(200, body);
        });
    }

    Answer introspect(Call call) {
        Either<Answer, Map<String, List<String>>> form = form(call.request(), call.query());
        if (form.isLeft()) {
            return form.getLeft();
        }
        Either<OAuthError, OAuthClient> client = basicClient(call.request());
        if (client.isLeft()) {
            return Answer.oauth(client.getLeft());
        }
        String value = FormEncoding.first(form.get(), "token");
        if (value == null) {
            return Answer.oauth(OAuthError.invalidRequest("Missing required parameter: token."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        AccessToken token = issuer.find(value).filter(t -> mayIntrospect(client.get(), t)).orElse(null);
        body.put("active", token != null);
        if (token != null) {
            body.put("scope", token.scopeString());
            body.put("client_id", token.clientId());
            body.put("exp", token.expiresAt().getEpochSecond());
            if (token.clientId().equals(client.get().id())) {
                body.put("projects", projects(client.get()));
            }
        }
        return Answer.json(200, body);
    }

    /**
     * What a client may learn of itself by introspecting its own token (an extension member, as
     * RFC 7662 allows): each project of its scopes, in order, with the scope to ask a token of it
     * for. This is how a console signed in with an organization client finds the organization's
     * projects. Another client's token never shows it: {@code introspect_oauth_tokens} of one
     * project says nothing of the client's others.
     */
    private static List<Map<String, Object>> projects(OAuthClient client) {
        List<Map<String, Object>> projects = new ArrayList<>();
        for (String key : client.projectKeys()) {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("key", key);
            project.put("scope", String.join(" ", client.scopesOf(key).stream().map(Scope::toString).toList()));
            projects.add(project);
        }
        return projects;
    }

    /**
     * A client introspects its own tokens; another client's only with {@code introspect_oauth_tokens}
     * of that token's project (as commercetools: the scope "allows a client to introspect tokens
     * issued to other clients"). Without it the token is described as inactive, so that a client
     * learns nothing of the others' tokens, not even that they are live.
     */
    private static boolean mayIntrospect(OAuthClient client, AccessToken token) {
        return token.clientId().equals(client.id()) || client.scopes().contains(
                new Scope(Permission.INTROSPECT_OAUTH_TOKENS, token.projectKey()));
    }

    private Either<OAuthError, OAuthClient> basicClient(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Either.left(OAuthError.invalidClient());
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Either.left(OAuthError.invalidClient());
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Either.left(OAuthError.invalidClient());
        }
        return issuer.authenticate(urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1)));
    }

    private static String urlDecode(String s) {
        // RFC 6749 2.3.1: id and secret are form-encoded before basic authentication
        try {
            return s.indexOf('%') < 0 && s.indexOf('+') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The query parameters and, for a form body, its fields: commercetools' auth takes both. */
    private Either<Answer, Map<String, List<String>>> form(Request request, Map<String, List<String>> query) {
        Map<String, List<String>> params = new LinkedHashMap<>(query);
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        Either<Answer, String> body = bodies.body(request);
        if (body.isLeft()) {
            return Either.left(body.getLeft());
        }
        if (!body.get().isEmpty()) {
            if (type == null || !Bodies.mediaType(type).equals("application/x-www-form-urlencoded")) {
                return Either.left(Answer.general(415, "The body of an auth request is application/x-www-form-urlencoded"));
            }
            try {
                FormEncoding.decode(body.get(), params);
            } catch (IllegalArgumentException e) {
                return Either.left(Answer.oauth(OAuthError.invalidRequest("The form body is not URL-encoded.")));
            }
        }
        return Either.right(params);
    }
}
