package io.connectstage.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors Jetty answers by itself (a malformed request, headers too large, a URI it refuses,
 * an exception that escaped): the Connect error JSON instead of an HTML page, and never a stack;
 * an {@code X-Correlation-ID} as on every answer, and a log line with the stack for a 5xx.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectServer.class);

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String correlationId = CorrelationId.of(request);
        response.getHeaders().put(CorrelationId.HEADER, correlationId);
        if (code >= 500) {
            LOG.error("{} on {} {} (correlation id {})", code, LogText.safe(request.getMethod()),
                    LogText.safe(String.valueOf(request.getHttpURI().getPath())), correlationId, cause);
        }
        String text = code >= 500 ? "Internal server error" : describe(code);
        ConnectHandler.send(response, code == 404 ? Answer.notFound("path '"
                + QueryParameters.shorten(String.valueOf(request.getHttpURI().getPath())) + "'") : Answer.general(code, text), callback);
    }

    private static String describe(int code) {
        return switch (code) {
            case 400 -> "Bad request: the request is not valid HTTP";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "The request is too large";
            case 414 -> "The URI is too long";
            case 415 -> "Unsupported media type";
            case 431 -> "The request headers are too large";
            default -> "The request was refused (HTTP " + code + ")";
        };
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }
}
