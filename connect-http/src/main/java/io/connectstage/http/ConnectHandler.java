package io.connectstage.http;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.AccessToken;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.oauth.OAuthError;
import io.connectstage.oauth.Scope.Permission;
import io.connectstage.oauth.TokenIssuer;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The routes of the Connect API and of the auth service over Jetty's core handler API: one
 * blocking call per request (the services are synchronous), every answer JSON, every failure the
 * Connect error format. Anything a route throws is a 500 {@code General} that says nothing of
 * where it came from.
 */
final class ConnectHandler extends Handler.Abstract {
    private static final Set<Permission> VIEW = EnumSet.of(Permission.MANAGE_PROJECT, Permission.MANAGE_CONNECTORS,
            Permission.VIEW_CONNECTORS);
    private static final Set<Permission> MANAGE = EnumSet.of(Permission.MANAGE_PROJECT, Permission.MANAGE_CONNECTORS);
    private static final Set<Permission> VIEW_DEPLOYMENTS = EnumSet.of(Permission.MANAGE_PROJECT,
            Permission.MANAGE_CONNECTORS_DEPLOYMENTS, Permission.VIEW_CONNECTORS_DEPLOYMENTS);
    private static final Set<Permission> MANAGE_DEPLOYMENTS = EnumSet.of(Permission.MANAGE_PROJECT,
            Permission.MANAGE_CONNECTORS_DEPLOYMENTS);
    private static final String DRAFTS = "/connectors/drafts";
    private static final String BY_KEY = "key=";

    private final ProjectSpaces spaces;
    private final TokenIssuer issuer;
    private final long maxBodyBytes;

    ConnectHandler(ProjectSpaces spaces, TokenIssuer issuer, long maxBodyBytes) {
        this.spaces = spaces;
        this.issuer = issuer;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answer answer;
        try {
            answer = route(request);
        } catch (Throwable bug) {
            answer = Answer.general(500, "Internal server error");
        }
        if (!drained(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        send(response, answer, callback);
        return true;
    }

    /**
     * Reads what is left of the request's body (a refused request's, which the route never
     * read), at most {@code maxBodyBytes} of it, so that the connection can serve the client's
     * next request; {@code false} when more is left or it cannot be read: then the answer says
     * {@code Connection: close}, since a client would otherwise send its next request on a
     * connection the server is about to close (seen as an empty reply by the client).
     */
    private boolean drained(Request request) {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long left = maxBodyBytes;
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1))) >= 0; ) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
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
            return Answer.error(ErrorResponse.of(io.connectstage.error.ConnectError.invalidQueryParam("query",
                    "the query string is not URL-encoded")));
        }
        if (path.equals("/oauth/token")) {
            return method.equals("POST") ? token(request, params) : Answer.methodNotAllowed(method, path, "POST");
        }
        if (path.equals("/oauth/introspect")) {
            return method.equals("POST") ? introspect(request, params) : Answer.methodNotAllowed(method, path, "POST");
        }
        if (path.equals(DRAFTS)) {
            return switch (method) {
                case "GET" -> authorized(request, VIEW, space -> queryDrafts(params, space));
                case "POST" -> authorized(request, MANAGE, space -> withBody(request, body -> createDraft(space, body)));
                default -> Answer.methodNotAllowed(method, path, "GET, POST");
            };
        }
        if (path.startsWith(DRAFTS + "/") && path.indexOf('/', DRAFTS.length() + 1) < 0 && path.length() > DRAFTS.length() + 1) {
            String param = path.substring(DRAFTS.length() + 1);
            boolean byKey = param.startsWith(BY_KEY);
            String value = byKey ? param.substring(BY_KEY.length()) : param;
            return switch (method) {
                case "GET" -> authorized(request, VIEW, space -> ok(200, byKey
                        ? space.connectors().getByKey(value) : space.connectors().getById(value)));
                case "POST" -> authorized(request, MANAGE, space -> withBody(request, body -> ConnectJson.readUpdate(body)
                        .fold(Answer::error, update -> ok(201, byKey
                                ? space.connectors().updateByKey(value, update) : space.connectors().updateById(value, update)))));
                case "DELETE" -> authorized(request, MANAGE, space -> QueryParameters.version(params)
                        .fold(Answer::error, version -> ok(200, byKey
                                ? space.connectors().deleteByKey(value, version) : space.connectors().deleteById(value, version))));
                default -> Answer.methodNotAllowed(method, path, "GET, POST, DELETE");
            };
        }
        if (path.equals("/connectors/search")) {
            return method.equals("GET")
                    ? authorized(request, VIEW, space -> QueryParameters.search(params)
                            .fold(Answer::error, search -> ok(200, space.published().search(search))))
                    : Answer.methodNotAllowed(method, path, "GET");
        }
        if (path.startsWith("/connectors/") && path.indexOf('/', "/connectors/".length()) < 0
                && path.length() > "/connectors/".length()) {
            String param = path.substring("/connectors/".length());
            boolean byKey = param.startsWith(BY_KEY);
            String value = byKey ? param.substring(BY_KEY.length()) : param;
            return method.equals("GET")
                    ? authorized(request, VIEW, space -> ok(200, byKey
                            ? space.published().getByKey(value) : space.published().getById(value)))
                    : Answer.methodNotAllowed(method, path, "GET");
        }
        String[] parts = path.split("/", -1);
        if (parts.length >= 3 && parts[0].isEmpty() && parts[2].equals("deployments") && !parts[1].isEmpty()) {
            return deployments(request, method, path, parts, params);
        }
        return Answer.notFound("path '" + QueryParameters.shorten(path) + "'");
    }

    /**
     * {@code /{projectKey}/deployments}, {@code /{projectKey}/deployments/{id}} and
     * {@code …/key={key}}, each with {@code /logs}: the token must hold a deployment scope of
     * that very project (403 otherwise).
     */
    private Answer deployments(Request request, String method, String path, String[] parts,
            Map<String, List<String>> params) {
        String project = parts[1];
        if (parts.length == 3) {
            return switch (method) {
                case "GET" -> authorized(request, project, VIEW_DEPLOYMENTS, space ->
                        io.connectstage.store.DeploymentQuery.fromQueryParameters(project, params).fold(
                                errors -> Answer.error(ErrorResponse.of(errors.asJava())),
                                query -> deployment(200, space.deployments().query(query))));
                case "POST" -> authorized(request, project, MANAGE_DEPLOYMENTS, space -> withBody(request, body ->
                        DeploymentJson.readDraft(body).fold(Answer::error,
                                draft -> deployment(201, space.deployments().create(project, draft)))));
                default -> Answer.methodNotAllowed(method, path, "GET, POST");
            };
        }
        if (parts[3].isEmpty() || parts.length > 5 || (parts.length == 5 && !parts[4].equals("logs"))) {
            return Answer.notFound("path '" + QueryParameters.shorten(path) + "'");
        }
        boolean byKey = parts[3].startsWith(BY_KEY);
        String value = byKey ? parts[3].substring(BY_KEY.length()) : parts[3];
        if (parts.length == 5) {
            if (!method.equals("GET")) {
                return Answer.methodNotAllowed(method, path, "GET");
            }
            io.connectstage.deployment.DeploymentLogQuery query = logQuery(params);
            return authorized(request, project, VIEW_DEPLOYMENTS, space -> deployment(200, byKey
                    ? space.deployments().logsByKey(project, value, query)
                    : space.deployments().logsById(project, value, query)));
        }
        return switch (method) {
            case "GET" -> authorized(request, project, VIEW_DEPLOYMENTS, space -> deployment(200, byKey
                    ? space.deployments().getByKey(project, value) : space.deployments().getById(project, value)));
            case "POST" -> authorized(request, project, MANAGE_DEPLOYMENTS, space -> withBody(request, body ->
                    DeploymentJson.readUpdate(body).fold(Answer::error, update -> deployment(200, byKey
                            ? space.deployments().updateByKey(project, value, update)
                            : space.deployments().updateById(project, value, update)))));
            case "DELETE" -> authorized(request, project, MANAGE_DEPLOYMENTS, space -> QueryParameters.version(params)
                    .fold(Answer::error, version -> deployment(202, byKey
                            ? space.deployments().deleteByKey(project, value, version)
                            : space.deployments().deleteById(project, value, version))));
            default -> Answer.methodNotAllowed(method, path, "GET, POST, DELETE");
        };
    }

    private static io.connectstage.deployment.DeploymentLogQuery logQuery(Map<String, List<String>> params) {
        String limit = first(params, "limit");
        Integer n = null;
        if (limit != null) {
            try {
                n = Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                n = -1; // reported by the paging as an invalid limit
            }
        }
        return io.connectstage.deployment.DeploymentLogQuery.builder().pageToken(first(params, "pageToken"))
                .applicationName(first(params, "applicationName")).startDate(first(params, "startDate"))
                .endDate(first(params, "endDate")).limit(n).build();
    }

    private static <T> Answer deployment(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.deployment(status, value));
    }

    private static <T> Answer ok(int status, Either<ErrorResponse, T> result) {
        return result.fold(Answer::error, value -> Answer.json(status, value));
    }

    private Answer createDraft(ProjectSpace space, String body) {
        return ConnectJson.readDraft(body).fold(Answer::error, draft -> ok(201, space.connectors().create(draft)));
    }

    private Answer queryDrafts(Map<String, List<String>> params, ProjectSpace space) {
        return io.connectstage.store.ConnectorQuery.fromQueryParameters(params)
                .fold(errors -> Answer.error(ErrorResponse.of(errors.asJava())), query -> ok(200, space.connectors().query(query)));
    }

    // --- authorization -------------------------------------------------------------------------

    /** {@link #authorized(Request, Set, Function)} for a path that names a project: a token of another project gets 403. */
    private Answer authorized(Request request, String project, Set<Permission> anyOf, Function<ProjectSpace, Answer> route) {
        return authorized(request, anyOf, space -> space.projectKey().equals(project) ? route.apply(space)
                : Answer.oauth(OAuthError.insufficientScope(needed(anyOf, project))));
    }

    private static String needed(Set<Permission> anyOf, String project) {
        List<String> needed = new ArrayList<>();
        for (Permission p : anyOf) {
            needed.add(p.wireValue() + ":" + QueryParameters.shorten(project));
        }
        return String.join(", ", needed);
    }

    private Answer authorized(Request request, Set<Permission> anyOf, Function<ProjectSpace, Answer> route) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Answer.oauth(OAuthError.invalidToken());
        }
        AccessToken token = issuer.find(header.substring(7).trim()).orElse(null);
        if (token == null) {
            return Answer.oauth(OAuthError.invalidToken());
        }
        if (!token.grantsAny(anyOf)) {
            List<String> needed = new ArrayList<>();
            for (Permission p : anyOf) {
                needed.add(p.wireValue() + ":" + token.projectKey());
            }
            return Answer.oauth(OAuthError.insufficientScope(String.join(", ", needed)));
        }
        return route.apply(spaces.of(token.projectKey()));
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
        AccessToken token = issuer.find(value).orElse(null);
        body.put("active", token != null);
        if (token != null) {
            body.put("scope", token.scopeString());
            body.put("client_id", token.clientId());
            body.put("exp", token.expiresAt().getEpochSecond());
        }
        return Answer.json(200, body);
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
        Either<Answer, String> body = body(request);
        if (body.isLeft()) {
            return Either.left(body.getLeft());
        }
        if (!body.get().isEmpty()) {
            if (type == null || !mediaType(type).equals("application/x-www-form-urlencoded")) {
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

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // --- bodies and parameters -----------------------------------------------------------------

    private Answer withBody(Request request, Function<String, Answer> route) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null) {
            String media = mediaType(type);
            if (!media.equals("application/json") && !media.endsWith("+json")) {
                return Answer.general(415, "The body must be application/json, not " + QueryParameters.shorten(media));
            }
        }
        return body(request).fold(a -> a, route);
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private Either<Answer, String> body(Request request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return Either.left(tooLarge());
        }
        byte[] bytes;
        try (InputStream in = Request.asInputStream(request)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            // the client went away or was too slow (idle timeout); the answer may not reach it
            return Either.left(Answer.general(400, "The body could not be read"));
        }
        if (bytes.length > maxBodyBytes) {
            return Either.left(tooLarge());
        }
        try {
            return Either.right(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Either.left(Answer.error(ErrorResponse.of(io.connectstage.error.ConnectError.invalidJson(
                    "the body is not UTF-8"))));
        }
    }

    private Answer tooLarge() {
        return Answer.general(413, "The body is larger than " + maxBodyBytes + " bytes");
    }

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
