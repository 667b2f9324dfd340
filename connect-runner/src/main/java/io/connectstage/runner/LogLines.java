package io.connectstage.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentLogType;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One line of an application's output as a Deployment log entry, as Cloud Logging reads a Cloud
 * Run container's output: a line that is a JSON object is {@code APPLICATION_JSON}, its
 * {@code severity} (or {@code level}, as pino and winston write it, by name or pino's number)
 * giving the severity; any other line is {@code APPLICATION_TEXT}, {@code ERROR} when it came on
 * standard error and {@code INFO} on standard output.
 */
final class LogLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, DeploymentLogSeverity> NAMES = Map.ofEntries(
            Map.entry("TRACE", DeploymentLogSeverity.DEBUG), Map.entry("DEBUG", DeploymentLogSeverity.DEBUG),
            Map.entry("INFO", DeploymentLogSeverity.INFO), Map.entry("NOTICE", DeploymentLogSeverity.NOTICE),
            Map.entry("WARN", DeploymentLogSeverity.WARNING), Map.entry("WARNING", DeploymentLogSeverity.WARNING),
            Map.entry("ERROR", DeploymentLogSeverity.ERROR), Map.entry("FATAL", DeploymentLogSeverity.CRITICAL),
            Map.entry("CRITICAL", DeploymentLogSeverity.CRITICAL), Map.entry("ALERT", DeploymentLogSeverity.ALERT),
            Map.entry("EMERGENCY", DeploymentLogSeverity.EMERGENCY), Map.entry("DEFAULT", DeploymentLogSeverity.DEFAULT));

    private LogLines() {
    }

    static DeploymentLog entry(String deploymentId, String applicationName, String line, boolean stderr, Instant at) {
        DeploymentLogSeverity otherwise = stderr ? DeploymentLogSeverity.ERROR : DeploymentLogSeverity.INFO;
        String trimmed = line.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                if (node != null && node.isObject()) {
                    DeploymentLogSeverity severity = severity(node.has("severity") ? node.get("severity") : node.get("level"));
                    return new DeploymentLog(DeploymentLogType.APPLICATION_JSON, deploymentId, applicationName,
                            severity == null ? otherwise : severity, at, node);
                }
            } catch (JsonProcessingException notJson) {
                // a line that looks like JSON and is not: kept as text
            }
        }
        return DeploymentLog.text(deploymentId, applicationName, otherwise, at, line);
    }

    private static DeploymentLogSeverity severity(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            int level = value.asInt();
            return level >= 60 ? DeploymentLogSeverity.CRITICAL : level >= 50 ? DeploymentLogSeverity.ERROR
                    : level >= 40 ? DeploymentLogSeverity.WARNING : level >= 30 ? DeploymentLogSeverity.INFO
                    : DeploymentLogSeverity.DEBUG;
        }
        return value.isTextual() ? NAMES.get(value.asText().strip().toUpperCase(Locale.ROOT)) : null;
    }
}
