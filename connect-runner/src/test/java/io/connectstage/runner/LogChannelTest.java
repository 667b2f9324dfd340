package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The way of output lines to the logs")
class LogChannelTest {
    private final RecordingSink sink = new RecordingSink();
    private final LogChannel channel = new LogChannel("d-1", "service", sink,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 5);

    @Test
    void holdsAtMostTheCapBetweenFlushesAndSaysHowManyLinesWereDropped() {
        for (int i = 0; i < 12; i++) {
            channel.line("line " + i, false);
        }
        channel.flush();

        List<DeploymentLog> entries = sink.entries();
        assertEquals(6, entries.size());
        assertEquals("line 4", entries.get(4).details().path("message").asText());
        assertEquals(DeploymentLogSeverity.WARNING, entries.get(5).severity());
        assertTrue(entries.get(5).details().path("message").asText().startsWith("7 lines dropped"));
        channel.line("after", false);
        channel.flush();
        assertEquals("after", sink.entries().get(6).details().path("message").asText(), "the count starts over");
    }

    @Test
    void dropsBlankLines() {
        channel.line("", false);
        channel.line("   ", true);
        channel.line("> fixture@1.0.0 start", false);
        channel.flush();
        assertEquals(List.of("> fixture@1.0.0 start"),
                sink.entries().stream().map(e -> e.details().path("message").asText()).toList());
    }

    @Test
    void keepsTheLastLinesForTheDetailsOfAFailure() {
        for (int i = 0; i < LogChannel.TAIL_LINES + 5; i++) {
            channel.line("line " + i, true);
        }
        List<String> tail = channel.takeTail();
        assertEquals(LogChannel.TAIL_LINES, tail.size());
        assertEquals("line 5", tail.get(0));
        assertEquals(List.of(), channel.takeTail());
    }

    @Test
    void cutsALineLongerThanTheLimitAndKeepsReadingAfterIt() {
        String longLine = "x".repeat(500);
        List<String> lines = new ArrayList<>();
        LinePump.pump(new ByteArrayInputStream((longLine + "\nnext\r\nlast").getBytes(StandardCharsets.UTF_8)), 100, lines::add);
        assertEquals(List.of("x".repeat(100) + LinePump.CUT, "next", "last"), lines);
    }
}
