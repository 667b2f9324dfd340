package io.connectstage.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DeploymentLogs.retainingNewest")
class DeploymentLogsRetentionTest {
    private static final Instant T0 = Instant.parse("2024-02-15T10:00:00Z");

    private static DeploymentLog log(String app, int second, String text) {
        return DeploymentLog.text("d-1", app, DeploymentLogSeverity.INFO, T0.plusSeconds(second), text);
    }

    private static List<String> texts(Iterable<DeploymentLog> logs) {
        List<String> texts = new java.util.ArrayList<>();
        logs.forEach(l -> texts.add(l.details().get("message").asText()));
        return texts;
    }

    @Test
    @DisplayName("keeps the newest entries by timestamp, an older entry added late going first")
    void dropsTheOldestByTimestamp() {
        DeploymentLogs logs = DeploymentLogs.empty()
                .plus(log("service", 2, "b")).plus(log("events", 3, "c")).plus(log("service", 1, "a-late"))
                .plus(log("events", 4, "d"));
        DeploymentLogs kept = logs.retainingNewest(2);
        assertEquals(List.of("c", "d"), texts(kept.all()));
        assertEquals(List.of(), texts(kept.of("service")));
        assertEquals(List.of("c", "d"), texts(kept.of("events")));
        assertEquals(2, kept.size());
    }

    @Test
    @DisplayName("among entries of one instant drops the first added and keeps each application's index in step")
    void dropsTheFirstAddedOfOneInstant() {
        DeploymentLogs logs = DeploymentLogs.empty()
                .plus(log("service", 5, "s1")).plus(log("events", 5, "e1")).plus(log("service", 5, "s2"))
                .plus(log("events", 5, "e2"));
        DeploymentLogs kept = logs.retainingNewest(3);
        assertEquals(List.of("e1", "s2", "e2"), texts(kept.all()));
        assertEquals(List.of("s2"), texts(kept.of("service")));
        assertEquals(List.of("e1", "e2"), texts(kept.of("events")));
        assertEquals(List.of("s2"), texts(kept.read(new DeploymentLogRange("service", T0.plusSeconds(5), 0, null, 10))));
    }

    @Test
    @DisplayName("answers the same logs when they are within the bound, and refuses a negative bound")
    void withinTheBound() {
        DeploymentLogs logs = DeploymentLogs.empty().plus(log("service", 1, "a")).plus(log("service", 2, "b"));
        assertSame(logs, logs.retainingNewest(2));
        assertEquals(List.of(), texts(logs.retainingNewest(0).all()));
        assertEquals(List.of(), texts(logs.retainingNewest(0).of("service")));
        assertThrows(IllegalArgumentException.class, () -> logs.retainingNewest(-1));
    }
}
