package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Objects;

/**
 * One log entry of an application of a Deployment: its type, severity ({@code DEFAULT} when
 * none), time, and {@code details}, any JSON (for text logs {@code {"message": "…"}}). The details
 * are copied in and out, so the value stays immutable.
 *
 * <pre>{@code
 * DeploymentLog log = DeploymentLog.text(deploymentId, "service", DeploymentLogSeverity.INFO, now, "Listening on port: 8080");
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "deploymentId", "applicationName", "severity", "timestamp", "details"})
public record DeploymentLog(
        DeploymentLogType type,
        String deploymentId,
        String applicationName,
        DeploymentLogSeverity severity,
        Instant timestamp,
        JsonNode details) {

    public DeploymentLog {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(deploymentId, "deploymentId is null");
        Objects.requireNonNull(applicationName, "applicationName is null");
        Objects.requireNonNull(timestamp, "timestamp is null");
        severity = severity == null ? DeploymentLogSeverity.DEFAULT : severity;
        details = details == null ? null : details.deepCopy();
    }

    /** An {@code APPLICATION_TEXT} entry whose details are {@code {"message": text}}. */
    public static DeploymentLog text(String deploymentId, String applicationName, DeploymentLogSeverity severity,
            Instant timestamp, String text) {
        return new DeploymentLog(DeploymentLogType.APPLICATION_TEXT, deploymentId, applicationName, severity, timestamp,
                JsonNodeFactory.instance.objectNode().put("message", text));
    }

    /** A copy of the details, so that no caller can change this value. */
    @Override
    public JsonNode details() {
        return details == null ? null : details.deepCopy();
    }
}
