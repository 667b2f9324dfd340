package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentLogType;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An output line as a log entry")
class LogLinesTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static DeploymentLog entry(String line, boolean stderr) {
        return LogLines.entry("d-1", "service", line, stderr, AT);
    }

    @Test
    void aJsonObjectIsApplicationJsonWithItsSeverity() {
        DeploymentLog log = entry("{\"severity\":\"WARNING\",\"message\":\"slow\"}", false);
        assertEquals(DeploymentLogType.APPLICATION_JSON, log.type());
        assertEquals(DeploymentLogSeverity.WARNING, log.severity());
        assertEquals("slow", log.details().path("message").asText());
    }

    @Test
    void readsTheLevelOfPinoAndWinstonByNameOrNumber() {
        assertEquals(DeploymentLogSeverity.ERROR, entry("{\"level\":50,\"msg\":\"x\"}", false).severity());
        assertEquals(DeploymentLogSeverity.WARNING, entry("{\"level\":\"warn\",\"message\":\"x\"}", false).severity());
        assertEquals(DeploymentLogSeverity.CRITICAL, entry("{\"level\":\"fatal\"}", false).severity());
        assertEquals(DeploymentLogSeverity.DEBUG, entry("{\"level\":20}", false).severity());
    }

    @Test
    void aJsonObjectWithoutSeverityTakesTheStreamsDefault() {
        assertEquals(DeploymentLogSeverity.INFO, entry("{\"message\":\"x\"}", false).severity());
        assertEquals(DeploymentLogSeverity.ERROR, entry("{\"message\":\"x\"}", true).severity());
    }

    @Test
    void anyOtherLineIsTextInfoOnStdoutAndErrorOnStderr() {
        DeploymentLog out = entry("listening on 8080", false);
        assertEquals(DeploymentLogType.APPLICATION_TEXT, out.type());
        assertEquals(DeploymentLogSeverity.INFO, out.severity());
        assertEquals("listening on 8080", out.details().path("message").asText());
        DeploymentLog err = entry("{not json}", true);
        assertEquals(DeploymentLogType.APPLICATION_TEXT, err.type());
        assertEquals(DeploymentLogSeverity.ERROR, err.severity());
        assertEquals(DeploymentLogType.APPLICATION_TEXT, entry("[1, 2]", false).type());
    }
}
