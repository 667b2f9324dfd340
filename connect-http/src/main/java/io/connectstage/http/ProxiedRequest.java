package io.connectstage.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentLogType;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * A request through the proxy to an application, and the {@code HTTP_REQUEST} log entry it
 * becomes: details with the fields of Cloud Logging's {@code HttpRequest}, which Cloud Run writes
 * for each request (requestMethod, requestUrl, requestSize, status, responseSize, userAgent,
 * remoteIp, latency as {@code "0.012345s"}, protocol), its severity as Cloud Run's request logs
 * have it: {@code ERROR} for a 5xx, {@code WARNING} for a 4xx, {@code INFO} otherwise. The time
 * is when the request arrived; the latency is measured on a monotonic clock.
 */
record ProxiedRequest(String method, String url, String userAgent, String remoteIp, String protocol, String deploymentId,
        String applicationName, Instant at, long startNanos) {

    ProxiedRequest(Request request, String deploymentId, String applicationName, Instant at, long startNanos) {
        this(request.getMethod(), request.getHttpURI().asString(), request.getHeaders().get(HttpHeader.USER_AGENT),
                Request.getRemoteAddr(request), request.getConnectionMetaData().getProtocol(), deploymentId, applicationName,
                at, startNanos);
    }

    /** The entry of this request answered with {@code status}, having sent and received these many body bytes. */
    DeploymentLog entry(int status, long requestBytes, long responseBytes, long endNanos, String problem) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("requestMethod", method);
        d.put("requestUrl", url);
        d.put("requestSize", Long.toString(requestBytes));
        d.put("status", status);
        d.put("responseSize", Long.toString(responseBytes));
        if (userAgent != null) {
            d.put("userAgent", userAgent);
        }
        d.put("remoteIp", remoteIp);
        d.put("latency", BigDecimal.valueOf(Math.max(0, endNanos - startNanos), 9).stripTrailingZeros().toPlainString() + "s");
        d.put("protocol", protocol);
        if (problem != null) {
            d.put("problem", problem);
        }
        DeploymentLogSeverity severity = status >= 500 ? DeploymentLogSeverity.ERROR
                : status >= 400 ? DeploymentLogSeverity.WARNING : DeploymentLogSeverity.INFO;
        return new DeploymentLog(DeploymentLogType.HTTP_REQUEST, deploymentId, applicationName, severity, at, d);
    }
}
