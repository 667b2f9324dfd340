package io.connectstage.http;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * The access log: one line per request, the requests Jetty refused by itself included, on the
 * SLF4J logger {@value #LOGGER} at INFO. It names no secret: the path without its query string
 * (where a client may put anything), never a header but the answer's correlation id, never a body.
 */
final class AccessLog {
    static final String LOGGER = "io.connectstage.access";
    /** client address, method, path, protocol, status, bytes sent, milliseconds, correlation id. */
    private static final String FORMAT = "%{client}a \"%m %U %H\" %s %O %{ms}T ms %{" + CorrelationId.HEADER + "}o";

    private AccessLog() {
    }

    static RequestLog create() {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(LOGGER);
        return new CustomRequestLog(writer, FORMAT);
    }
}
