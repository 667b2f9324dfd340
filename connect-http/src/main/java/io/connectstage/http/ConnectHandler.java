package io.connectstage.http;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.AccessToken;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.oauth.TokenIssuer;
import io.connectstage.resource.ResourceRef;
import io.connectstage.store.ConnectorQuery;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the Connect API and of the auth service over Jetty's core handler API: one
 * blocking call per request (the services are synchronous), every answer JSON, every failure the
 * Connect error format, every answer with an {@code X-Correlation-ID}. Anything a route throws is
 * a 500 {@code General} that says nothing of where it came from; the log has its stack.
 */
final class ConnectHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectServer.class);
    private static final Set<Permission> VIEW = EnumSet.of(Permission.MANAGE_PROJECT, Permission.MANAGE_CONNECTORS,
            Permission.VIEW_CONNECTORS);
    private static final Set<Permission> MANAGE = EnumSet.of(Permission.MANAGE_PROJECT, Permission.MANAGE_CONNECTORS);
    private static final String DRAFTS = "/connectors/drafts";

    private final TokenIssuer issuer;
    private final Authorization auth;
    private final Bodies bodies;
    private final DeploymentRoutes deployments;
    private final FaultRoutes faults;

    ConnectHandler(ProjectSpaces spaces, TokenIssuer issuer, long maxBodyBytes) {
        this.issuer = issuer;
        this.auth = new Authorization(spaces, issuer);
        this.bodies = new Bodies(maxBodyBytes);
        this.deployments = new DeploymentRoutes(auth, bodies);
        this.faults = new FaultRoutes(auth, bodies);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String correlationId = CorrelationId.of(request);
        response.getHeaders().put(CorrelationId.HEADER, correlationId);
        Answer answer;
        try {
            answer = route(request);
        } catch (Throwable bug) {
            // the body says nothing of the cause; the log says all of it, found by the correlation id
            LOG.error("500 on {} {} (correlation id {})", LogText.safe(request.getMethod()),
                    LogText.safe(request.getHttpURI().getPath()), correlationId, bug);
            answer = Answer.general(500, "Internal server error");
        }
        if (!bodies.drained(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        send(response, answer, callback);
        return true;
    }

    static void send(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (answer.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, answer.allow());
        }
        if (answer.wwwAuthenticate() != null) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, answer.wwwAuthenticate());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    private Answer route(Request request) throws IOException {
        String path = request.getHttpURI().getDecodedPath();
        String method = request.getMethod();
        if (path == null) {
            return Answer.notFound("path ''");
        }
        Map<String, List<String>> params;
        try {
            params = queryParameters(request);
        } catch (IllegalArgumentException e) {
            return Answer.error(ErrorResponse.of(ConnectError.invalidQueryParam("query",
                    "the query string is not URL-encoded")));
        }
        if (FaultRoutes.matches(path)) {
            return faults.route(request, method, path);
        }
        if (path.equals("/oauth/token")) {
            return method.equals("POST") ? token(request, params) : Answer.methodNotAllowed(method, path, "POST");
        }
        if (path.equals("/oauth/introspect")) {
            return method.equals("POST") ? introspect(request, params) : Answer.methodNotAllowed(method, path, "POST");
        }
        if (path.equals(DRAFTS)) {
            return switch (method) {
                case "GET" -> auth.authorized(request, VIEW, space -> queryDrafts(params, space));
                case "POST" -> auth.authorized(request, MANAGE, space -> bodies.withBody(request, body -> createDraft(space, body)));
                default -> Answer.methodNotAllowed(method, path, "GET, POST");
            };
        }
        if (path.startsWith(DRAFTS + "/") && path.indexOf('/', DRAFTS.length() + 1) < 0 && path.length() > DRAFTS.length() + 1) {
            ResourceRef ref = ResourceRef.ofPathSegment(path.substring(DRAFTS.length() + 1));
            return switch (method) {
                case "GET" -> auth.authorized(request, VIEW, space -> ok(200, space.connectors().get(ref)));
                case "POST" -> auth.authorized(request, MANAGE, space -> bodies.withBody(request, body -> ConnectJson.readUpdate(body)
                        .fold(Answer::error, update -> ok(201, space.connectors().update(ref, update)))));
                case "DELETE" -> auth.authorized(request, MANAGE, space -> QueryParameters.version(params)
                        .fold(Answer::error, version -> ok(200, space.connectors().delete(ref, version))));
                default -> Answer.methodNotAllowed(method, path, "GET, POST, DELETE");
            };
        }
        if (path.equals("/connectors/search")) {
            return method.equals("GET")
                    ? auth.authorized(request, VIEW, space -> QueryParameters.search(params)
                            .fold(Answer::error, search -> ok(200, space.published().search(search))))
                    : Answer.methodNotAllowed(method, path, "GET");
        }
        if (path.startsWith("/connectors/") && path.indexOf('/', "/connectors/".length()) < 0
                && path.length() > "/connectors/".length()) {
            ResourceRef ref = ResourceRef.ofPathSegment(path.substring("/connectors/".length()));
            return method.equals("GET")
                    ? auth.authorized(request, VIEW, space -> ok(200, space.published().get(ref)))
                    : Answer.methodNotAllowed(method, path, "GET");
        }
        String[] parts = path.split("/", -1);
        if (DeploymentRoutes.matches(parts)) {
            return deployments.route(request, method, path, parts, params);
        }
        return Answer.notFound("path '" + QueryParameters.shorten(path) + "'");
    }

    private static <T> Answer ok(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.json(status, value));
    }

    private Answer createDraft(ProjectSpace space, String body) {
        return ConnectJson.readDraft(body).fold(Answer::error, draft -> ok(201, space.connectors().create(draft)));
    }

    private Answer queryDrafts(Map<String, List<String>> params, ProjectSpace space) {
        return ConnectorQuery.fromQueryParameters(params)
                .fold(errors -> Answer.error(ErrorResponse.of(errors)), query -> ok(200, space.connectors().query(query)));
    }

    // --- the auth service ----------------------------------------------------------------------

    private Answer token(Request request, Map<String, List<String>> query) throws IOException {
        Either<Answer, Map<String, List<String>>> form = form(request, query);
        if (form.isLeft()) {
            return form.getLeft();
        }
        Map<String, List<String>> params = form.get();
        Either<OAuthError, OAuthClient> client = basicClient(request);
        if (client.isLeft()) {
            return Answer.oauth(client.getLeft());
        }
        String grant = first(params, "grant_type");
        if (grant == null) {
            return Answer.oauth(OAuthError.invalidRequest("Missing required parameter: grant_type."));
        }
        if (!grant.equals("client_credentials")) {
            return Answer.oauth(OAuthError.unsupportedGrantType());
        }
        return issuer.issue(client.get(), first(params, "scope")).fold(Answer::oauth, token -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token.value());
            body.put("token_type", "Bearer");
            body.put("expires_in", issuer.lifetime().toSeconds());
            body.put("scope", token.scopeString());
            return Answer.json(200, body);
        });
    }

    private Answer introspect(Request request, Map<String, List<String>> query) throws IOException {
        Either<Answer, Map<String, List<String>>> form = form(request, query);
        if (form.isLeft()) {
            return form.getLeft();
        }
        Either<OAuthError, OAuthClient> client = basicClient(request);
        if (client.isLeft()) {
            return Answer.oauth(client.getLeft());
        }
        String value = first(form.get(), "token");
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
        }
        return Answer.json(200, body);
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
    private Either<Answer, Map<String, List<String>>> form(Request request, Map<String, List<String>> query) throws IOException {
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
                decodeForm(body.get(), params);
            } catch (IllegalArgumentException e) {
                return Either.left(Answer.oauth(OAuthError.invalidRequest("The form body is not URL-encoded.")));
            }
        }
        return Either.right(params);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // --- parameters ----------------------------------------------------------------------------

    static Map<String, List<String>> queryParameters(Request request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null && !query.isEmpty()) {
            decodeForm(query, params);
        }
        return params;
    }

    /** @throws IllegalArgumentException on a bad percent escape */
    private static void decodeForm(String text, Map<String, List<String>> into) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }
}
