package io.connectstage.json;

import static io.connectstage.json.Answers.rejectedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.connector.Creator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A body that is not a JSON object is refused with InvalidJsonInput")
class ConnectJsonMalformedBodyTest {

    @Nested
    @DisplayName("when it is not JSON")
    class NotJson {
        @Test
        @DisplayName("naming the line and column of the problem")
        void malformedJsonNamesLineAndColumn() {
            String detail = rejectedOnce(ConnectJson.readUpdate("{\"version\": 1,\n  \"actions\": [ }"));
            assertTrue(detail.startsWith("malformed JSON at line 2, column 16: "), detail);
            assertFalse(detail.contains("StreamReadFeature"), () -> "a parser feature leaked into: " + detail);
        }

        @Test
        @DisplayName("also for an unquoted token")
        void unquotedTokenIsMalformedJson() {
            String detail = rejectedOnce(ConnectJson.readDraft("{\"name\": Connector}"));
            assertTrue(detail.startsWith("malformed JSON at line 1, column "), detail);
        }

        @Test
        @DisplayName("also when content follows the object")
        void contentAfterTheObjectIsMalformedJson() {
            String detail = rejectedOnce(ConnectJson.readDraft("{\"name\":\"n\"} {}"));
            assertEquals("malformed JSON at line 1, column 14: unexpected content after the end of the JSON value",
                    detail);
        }

        @Test
        @DisplayName("also when it ends too early")
        void truncatedJsonIsMalformedJson() {
            String detail = rejectedOnce(ConnectJson.readAction("{\"action\":\"setName\","));
            assertTrue(detail.startsWith("malformed JSON at line 1, column "), detail);
        }
    }

    @Nested
    @DisplayName("when it is empty")
    class Empty {
        @ParameterizedTest(name = "[{0}]")
        @NullSource
        @ValueSource(strings = {"", "   ", "\n\t"})
        void emptyBodyIsRefusedAsEmpty(String body) {
            assertEquals("the request body is empty", rejectedOnce(ConnectJson.readUpdate(body)));
            assertEquals("the request body is empty", rejectedOnce(ConnectJson.readDraft(body)));
            assertEquals("the request body is empty", rejectedOnce(ConnectJson.readAction(body)));
        }
    }

    @Nested
    @DisplayName("when it is another JSON value")
    class NotAnObject {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "[{\"name\":\"n\"}]", "42", "\"draft\"", "true", "null"})
        void draftMustBeAnObject(String body) {
            assertEquals("the request body must be a ConnectorStagedDraft object",
                    rejectedOnce(ConnectJson.readDraft(body)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "42"})
        void stagedMustBeAnObject(String body) {
            assertEquals("the request body must be a ConnectorStaged object",
                    rejectedOnce(ConnectJson.readStaged(body)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[{\"action\":\"unlist\"}]", "1", "null"})
        void updateMustBeAnObject(String body) {
            assertEquals("the request body must be an object with version and actions",
                    rejectedOnce(ConnectJson.readUpdate(body)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "7", "\"setName\""})
        void actionMustBeAnObject(String body) {
            assertEquals("action: must be an object", rejectedOnce(ConnectJson.readAction(body)));
        }

        @Test
        @DisplayName("also for any type read by class")
        void partMustBeAnObject() {
            assertEquals("the request body must be a Creator object",
                    rejectedOnce(ConnectJson.read("[\"john.doe@example.com\"]", Creator.class)));
        }

        @Test
        @DisplayName("also for a page")
        void pageMustBeAnObject() {
            Answers.assertDetail(rejectedOnce(ConnectJson.readStagedPage("[]")), "body", "expected an object");
        }
    }
}
