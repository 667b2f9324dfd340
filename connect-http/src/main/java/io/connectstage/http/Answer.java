package io.connectstage.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.oauth.OAuthError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A status and a JSON body: what every route answers, errors included; or, for the proxy to
 * running applications only, an answer that streams itself ({@link #streamed}).
 */
record Answer(int status, byte[] body, String allow, String wwwAuthenticate, Streamed streamed) {

    /** An answer that writes its own status, headers and body, then completes the callback. */
    @FunctionalInterface
    interface Streamed {
        void send(org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback);
    }

    Answer(int status, byte[] body, String allow, String wwwAuthenticate) {
        this(status, body, allow, wwwAuthenticate, null);
    }

    /** An answer of status {@code status} that {@code streamed} writes; its body here is empty. */
    static Answer streamed(int status, Streamed streamed) {
        return new Answer(status, new byte[0], null, null, java.util.Objects.requireNonNull(streamed, "streamed is null"));
    }

    static Answer json(int status, Object value) {
        try {
            return new Answer(status, WrittenJson.bytes(value), null, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A Deployment, a page of them or of logs: written by {@code DeploymentJson}, secured values masked. */
    static Answer deployment(int status, Object value) {
        return new Answer(status, io.connectstage.deployment.DeploymentJson.write(value).getBytes(StandardCharsets.UTF_8), null, null);
    }

    static Answer error(ErrorResponse error) {
        return json(error.statusCode(), error);
    }

    /**
     * An error of the transport (405, 413, 415, a malformed request, ...): the Connect error JSON
     * with the HTTP status, code {@code General} since the Connect API has no code of its own for these.
     */
    static Answer general(int status, String message) {
        return error(new ErrorResponse(status, message, List.of(ConnectError.general(message))));
    }

    static Answer notFound(String message) {
        return error(ErrorResponse.of(ConnectError.resourceNotFound(message)));
    }

    static Answer methodNotAllowed(String method, String path, String allow) {
        Answer a = general(405, "Method " + QueryParameters.shorten(method) + " is not allowed on " + QueryParameters.shorten(path)
                + "; allowed: " + allow);
        return new Answer(a.status, a.body, allow, null);
    }

    /** The error JSON commercetools' auth answers with: the Connect shape plus {@code error} and {@code error_description}. */
    static Answer oauth(OAuthError e) {
        ObjectNode node = ConnectJson.mapper().createObjectNode();
        node.put("statusCode", e.statusCode());
        node.put("message", e.description());
        ArrayNode errors = node.putArray("errors");
        ObjectNode first = errors.addObject();
        first.put("code", e.error());
        first.put("message", e.description());
        node.put("error", e.error());
        node.put("error_description", e.description());
        String challenge = e.statusCode() == 401 || e.statusCode() == 403
                ? "Bearer error=\"" + e.error() + "\"" : null;
        return new Answer(e.statusCode(), node.toString().getBytes(StandardCharsets.UTF_8), null, challenge);
    }
}
