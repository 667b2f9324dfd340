package io.connectstage.json;

import static io.connectstage.json.Answers.assertDetail;
import static io.connectstage.json.Answers.rejected;
import static io.connectstage.json.Answers.rejectedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An update request body without a usable version or actions")
class ConnectJsonBadUpdateBodyTest {

    @Nested
    @DisplayName("version")
    class Version {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{\"actions\":[]}", "{\"version\":null,\"actions\":[]}"})
        void missingVersionIsRequired(String body) {
            assertEquals("version: is required", rejectedOnce(ConnectJson.readUpdate(body)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"\"1\"", "1.5", "1.0", "true", "[1]", "{}", "123456789012345678901234567890"})
        void nonIntegerVersionIsRefused(String version) {
            String detail = rejectedOnce(ConnectJson.readUpdate("{\"version\":" + version + ",\"actions\":[]}"));
            assertDetail(detail, "version", "must be an integer");
        }
    }

    @Nested
    @DisplayName("actions")
    class Actions {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{}", "{\"action\":\"unlist\"}", "\"unlist\"", "3"})
        void actionsThatAreNotAnArrayAreRefused(String actions) {
            String detail = rejectedOnce(ConnectJson.readUpdate("{\"version\":1,\"actions\":" + actions + "}"));
            assertEquals("actions: must be an array", detail);
        }

        @Test
        @DisplayName("missing are required")
        void missingActionsAreRequired() {
            assertEquals("actions: is required", rejectedOnce(ConnectJson.readUpdate("{\"version\":1}")));
        }
    }

    @Test
    @DisplayName("reports a bad version and bad actions together")
    void badVersionAndBadActionsAreBothReported() {
        List<String> details = rejected(ConnectJson.readUpdate("{\"version\":\"one\",\"actions\":[{\"action\":\"x\"}]}"));
        assertEquals(2, details.size(), details::toString);
        assertDetail(details.get(0), "version", "must be an integer");
        assertDetail(details.get(1), "actions[0].action", "unknown update action");
    }
}
