package io.connectstage.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Repository;
import io.connectstage.json.ConnectJson;
import io.connectstage.staging.ConnectorStaging;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON of a connector answered again is the JSON written the first time")
class WrittenJsonTest {
    private static final ConnectorStaged STAGED = ConnectorStaging.create(ConnectorStagedDraft.of("A connector",
            Creator.ofEmail("someone@example.com"), new Repository("https://github.com/acme/c.git", "1.0.0")),
            "9f1b6a34-7a1c-4b8e-9d47-1d2a4c0e5f10", Instant.parse("2026-12-07T10:00:00Z")).get();

    @Test
    @DisplayName("the same connector twice: the bytes written once, the same array answered")
    void theSameConnectorIsWrittenOnce() throws Exception {
        byte[] first = Answer.json(200, STAGED).body();

        assertSame(first, Answer.json(200, STAGED).body());
        assertArrayEquals(ConnectJson.mapper().writeValueAsBytes(STAGED), first);
    }

    @Test
    @DisplayName("a new version is written anew, and an equal copy answers the same JSON")
    void aNewVersionIsWrittenAnew() throws Exception {
        byte[] first = Answer.json(200, STAGED).body();
        ConnectorStaged renamed = STAGED.withVersion(2).withName("Renamed");

        byte[] second = Answer.json(200, renamed).body();

        assertArrayEquals(ConnectJson.mapper().writeValueAsBytes(renamed), second);
        assertArrayEquals(first, Answer.json(200, STAGED.withName("A connector")).body());
    }

    @Test
    @DisplayName("other values (pages, maps) are written every time")
    void otherValuesAreWrittenEveryTime() {
        Map<String, Object> value = Map.of("a", 1);

        assertNotSame(Answer.json(200, value).body(), Answer.json(200, value).body());
    }
}
