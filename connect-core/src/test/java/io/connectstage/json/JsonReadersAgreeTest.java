package io.connectstage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.deployment.DeploymentJson;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.rule.Limits;
import io.vavr.control.Either;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ConnectJson and DeploymentJson answer the same malformed body with the same errors")
class JsonReadersAgreeTest {

    /** Bodies that are wrong before any type is read: as a draft, an update or an action. */
    static Stream<String> malformed() {
        return Stream.of(null, "", "   ", "{\"version\": 1,\n  \"actions\": [ }", "{\"name\": Connector}", "{\"key\":\"k\"} {}",
                "{\"action\":\"redeploy\",", "{\"key\":\"a\",\"key\":\"b\"}", "{\"a\":\"\\x\"}", "{'key':'k'}",
                "[".repeat(Limits.MAX_NESTING_DEPTH + 2));
    }

    /** Update bodies that are JSON but not an update, or whose actions are not actions. */
    static Stream<String> badUpdates() {
        return Stream.of("[]", "42", "null", "{}", "{\"version\":\"1\",\"actions\":{}}", "{\"version\":1.5,\"actions\":[]}",
                "{\"version\":1,\"actions\":[1, \"x\", null]}", "{\"version\":1,\"actions\":[{}, {\"action\":null}]}",
                "{\"version\":1,\"actions\":[" + "{},".repeat(Limits.MAX_UPDATE_ACTIONS) + "{}]}");
    }

    private static List<ConnectError> errors(Either<ErrorResponse, ?> answer) {
        assertTrue(answer.isLeft(), () -> "expected an error, got " + answer);
        return answer.getLeft().errors();
    }

    private static void assertSame(String body, Function<String, Either<ErrorResponse, ?>> connector,
            Function<String, Either<ErrorResponse, ?>> deployment) {
        List<ConnectError> expected = errors(connector.apply(body));
        assertEquals(expected, errors(deployment.apply(body)), () -> "for " + body);
        expected.forEach(e -> assertEquals(ErrorCode.INVALID_JSON_INPUT, e.code(), e::toString));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    @DisplayName("malformed JSON, as a draft, an update and an action")
    void malformedBodies(String body) {
        assertSame(body, ConnectJson::readDraft, DeploymentJson::readDraft);
        assertSame(body, ConnectJson::readUpdate, DeploymentJson::readUpdate);
        assertSame(body, ConnectJson::readAction, DeploymentJson::readAction);
        assertSame(body, ConnectJson::readStagedPage, DeploymentJson::readPage);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badUpdates")
    @DisplayName("an update body that is not one")
    void badUpdateBodies(String body) {
        assertSame(body, ConnectJson::readUpdate, DeploymentJson::readUpdate);
    }

    @Test
    @DisplayName("a key given twice is refused by both, not thrown")
    void duplicateKey() {
        String body = "{\"key\":\"a\",\"key\":\"b\"}";
        assertEquals("malformed JSON: the key 'key' appears twice in one object",
                errors(DeploymentJson.readDraft(body)).get(0).detailedErrorMessage());
    }

    @Test
    @DisplayName("a token that is not JSON is not echoed: it could be a secured value sent unquoted")
    void unreadableTokenIsNotEchoed() {
        for (Either<ErrorResponse, ?> answer : List.of(ConnectJson.readDraft("{\"name\": p4ssw0rd}"),
                DeploymentJson.readDraft("{\"globalConfiguration\":{\"securedConfiguration\":[{\"key\":\"K\",\"value\":p4ssw0rd}]}}"))) {
            String detail = errors(answer).get(0).detailedErrorMessage();
            assertTrue(detail.startsWith("malformed JSON at line 1, column "), detail);
            assertFalse(answer.getLeft().toString().contains("p4ssw0rd"), detail);
        }
    }
}
