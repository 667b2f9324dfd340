package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An ErrorResponse is written in the shape of the reference's error examples")
class ConnectJsonErrorResponseTest {

    private static JsonNode tree(Object value) {
        return Examples.parse(ConnectJson.write(value));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    @DisplayName("the reference's examples")
    class ReferenceExamples {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#errors")
        void errorExampleRoundTrips(String path) {
            ErrorResponse response = accepted(ConnectJson.read(text(path), ErrorResponse.class));
            assertWrittenAsExample(path, ConnectJson.write(response));
        }

        @Test
        @DisplayName("two InvalidJsonInput errors, as in error-response.json")
        void twoInvalidJsonInputErrorsAreWrittenAsTheExample() {
            ErrorResponse response = ErrorResponse.of(List.of(
                    new ConnectError(ErrorCode.INVALID_JSON_INPUT, "First error message.",
                            Map.of("detailedErrorMessage", "")),
                    new ConnectError(ErrorCode.INVALID_JSON_INPUT, "Second error message.",
                            Map.of("detailedErrorMessage", ""))));
            assertWrittenAsExample("error/error-response.json", ConnectJson.write(response));
        }

        @Test
        @DisplayName("a ResourceNotFound, as in not-found.json, word for word")
        void resourceNotFoundIsWrittenAsTheExample() {
            ErrorResponse response = ErrorResponse.of(ConnectError.resourceNotFound("key 'resource-key'"));
            assertWrittenAsExample("error/not-found.json", ConnectJson.write(response));
        }
    }

    @Nested
    @DisplayName("the errors this library makes")
    class OwnErrors {
        @Test
        @DisplayName("have statusCode, message and errors at the top, the message being the first error's")
        void topLevelIsStatusCodeMessageAndErrors() {
            ErrorResponse response = ErrorResponse.of(List.of(
                    ConnectError.invalidField("name", "is required"), ConnectError.invalidField("key", "too short")));
            JsonNode written = tree(response);
            assertEquals(fieldNames(Examples.tree("error/error-response.json")), fieldNames(written));
            assertEquals(400, written.get("statusCode").intValue());
            assertEquals(written.get("errors").get(0).get("message"), written.get("message"));
            assertEquals(2, written.get("errors").size());
        }

        @Test
        @DisplayName("InvalidJsonInput carries detailedErrorMessage")
        void invalidJsonInputCarriesDetailedErrorMessage() {
            JsonNode error = tree(ConnectError.invalidField("actions[0].name", "expected a string"));
            assertEquals(Set.of("code", "message", "detailedErrorMessage"), fieldNames(error));
            assertEquals("InvalidJsonInput", error.get("code").textValue());
            assertEquals("Request body does not contain valid JSON.", error.get("message").textValue());
            assertEquals("actions[0].name: expected a string", error.get("detailedErrorMessage").textValue());
        }

        @Test
        @DisplayName("ConcurrentModification carries expectedVersion and currentVersion as numbers, and answers 409")
        void concurrentModificationCarriesBothVersions() {
            ErrorResponse response = ErrorResponse.of(ConnectError.concurrentModification("id=abc", 1, 2));
            JsonNode written = tree(response);
            assertEquals(409, written.get("statusCode").intValue());
            JsonNode error = written.get("errors").get(0);
            assertEquals(Set.of("code", "message", "expectedVersion", "currentVersion"), fieldNames(error));
            assertEquals("ConcurrentModification", error.get("code").textValue());
            assertTrue(error.get("expectedVersion").isIntegralNumber());
            assertEquals(1, error.get("expectedVersion").longValue());
            assertEquals(2, error.get("currentVersion").longValue());
            assertEquals(error.get("message"), written.get("message"));
        }

        @Test
        @DisplayName("DuplicateField carries field and duplicateValue")
        void duplicateFieldCarriesFieldAndDuplicateValue() {
            JsonNode error = tree(ConnectError.duplicateField("key", "connector-key"));
            assertEquals(Set.of("code", "message", "field", "duplicateValue"), fieldNames(error));
            assertEquals("DuplicateField", error.get("code").textValue());
            assertEquals("key", error.get("field").textValue());
            assertEquals("connector-key", error.get("duplicateValue").textValue());
        }

        @Test
        @DisplayName("ResourceNotFound carries nothing but code and message, and answers 404")
        void resourceNotFoundHasOnlyCodeAndMessage() {
            JsonNode written = tree(ErrorResponse.of(ConnectError.resourceNotFound("id 'x'")));
            assertEquals(404, written.get("statusCode").intValue());
            assertEquals(Set.of("code", "message"), fieldNames(written.get("errors").get(0)));
        }

        @Test
        @DisplayName("a refused body is written in the same shape")
        void refusedBodyIsWrittenAsAnErrorResponse() {
            ErrorResponse response = ConnectJson.readUpdate("{").getLeft();
            JsonNode written = tree(response);
            assertEquals(Set.of("statusCode", "message", "errors"), fieldNames(written));
            assertEquals(Set.of("code", "message", "detailedErrorMessage"), fieldNames(written.get("errors").get(0)));
        }
    }
}
