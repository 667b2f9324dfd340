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

@DisplayName("An update action that cannot be read")
class ConnectJsonBadActionTest {

    private static String update(String... actions) {
        return "{\"version\":1,\"actions\":[" + String.join(",", actions) + "]}";
    }

    @Nested
    @DisplayName("with an unknown name")
    class Unknown {
        @Test
        @DisplayName("is refused naming the action and the known ones")
        void unknownActionIsInvalidJsonInputNamingTheAction() {
            String detail = rejectedOnce(ConnectJson.readAction("{\"action\":\"setFoo\",\"foo\":1}"));
            assertDetail(detail, "action", "unknown update action", "\"setFoo\"", "setName", "addCertificationComment");
        }

        @Test
        @DisplayName("is refused at its place in an update request")
        void unknownActionInUpdateNamesItsIndex() {
            String detail = rejectedOnce(ConnectJson.readUpdate(update("{\"action\":\"unlist\"}", "{\"action\":\"delete\"}")));
            assertDetail(detail, "actions[1].action", "unknown update action", "\"delete\"");
        }

        @Test
        @DisplayName("is refused when the name is not a string")
        void nonStringActionNameIsUnknown() {
            assertDetail(rejectedOnce(ConnectJson.readAction("{\"action\":3}")), "action", "unknown update action 3");
        }

        @Test
        @DisplayName("is refused when the name differs only in case")
        void actionNamesAreCaseSensitive() {
            assertDetail(rejectedOnce(ConnectJson.readAction("{\"action\":\"SetName\",\"name\":\"n\"}")), "action",
                    "unknown update action", "\"SetName\"");
        }
    }

    @Nested
    @DisplayName("without a name")
    class Missing {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{\"name\":\"x\"}", "{\"action\":null,\"name\":\"x\"}", "{}"})
        void missingActionIsRequired(String action) {
            assertEquals("action: is required", rejectedOnce(ConnectJson.readAction(action)));
        }

        @Test
        @DisplayName("is refused at its place in an update request")
        void missingActionInUpdateNamesItsIndex() {
            assertEquals("actions[0].action: is required",
                    rejectedOnce(ConnectJson.readUpdate(update("{\"name\":\"x\"}"))));
        }
    }

    @Nested
    @DisplayName("that is not an object")
    class NotAnObject {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"42", "\"setName\"", "null", "[]", "true"})
        void actionThatIsNotAnObjectIsRefusedAtItsIndex(String action) {
            assertEquals("actions[0]: must be an object", rejectedOnce(ConnectJson.readUpdate(update(action))));
        }
    }

    @Nested
    @DisplayName("among several malformed ones")
    class Several {
        @Test
        @DisplayName("is reported with all the others, one error each, in request order")
        void everyMalformedActionIsReported() {
            List<String> details = rejected(ConnectJson.readUpdate(update(
                    "{\"action\":\"setName\",\"name\":\"fine\"}",
                    "{\"action\":\"nope\"}",
                    "{\"name\":\"x\"}",
                    "{\"action\":\"setSupportedRegions\",\"regions\":[\"mars\"]}",
                    "{\"action\":\"publish\",\"certification\":\"true\"}",
                    "17")));
            assertEquals(5, details.size(), details::toString);
            assertDetail(details.get(0), "actions[1].action", "\"nope\"");
            assertDetail(details.get(1), "actions[2].action", "is required");
            assertDetail(details.get(2), "actions[3].regions[0]", "'mars'");
            assertDetail(details.get(3), "actions[4].certification", "expected a boolean");
            assertDetail(details.get(4), "actions[5]", "must be an object");
        }
    }
}
