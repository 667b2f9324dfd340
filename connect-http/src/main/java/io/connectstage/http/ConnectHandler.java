package io.connectstage.http;

import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.oauth.TokenIssuer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the Connect API and of the auth service ({@link ConnectRoutes}) over Jetty's core
 * handler API: one blocking call per request (the services are synchronous), every answer JSON,
 * every failure the Connect error format, every answer with an {@code X-Correlation-ID}. Anything a route throws is
 * a 500 {@code General} that says nothing of where it came from; the log has its stack.
 */
final class ConnectHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectServer.class);

    private final Authorization auth;
    private final Bodies bodies;
    private final RouteTable routes;

    ConnectHandler(ProjectSpaces spaces, TokenIssuer issuer, long maxBodyBytes, RunningApps apps) {
        this.auth = new Authorization(spaces, issuer);
        this.bodies = new Bodies(maxBodyBytes);
        this.routes = ConnectRoutes.table(spaces, issuer, bodies, apps);
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
        if (answer.streamed() != null) {
            answer.streamed().send(response, callback);
            return true;
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

    private Answer route(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        if (path == null) {
            return Answer.notFound("path ''");
        }
        Map<String, List<String>> query;
        try {
            query = FormEncoding.query(request);
        } catch (IllegalArgumentException e) {
            return Answer.error(ErrorResponse.of(ConnectError.invalidQueryParam("query",
                    "the query string is not URL-encoded")));
        }
        return routes.find(request.getMethod(), path).fold(refused -> refused, found -> found.route().scope()
                .admit(auth, request, found.path(), space -> found.route().handler().handle(
                        new Call(request, found.path(), query, space))));
    }
}
