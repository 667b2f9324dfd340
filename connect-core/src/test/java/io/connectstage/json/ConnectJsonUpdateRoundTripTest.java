package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Update examples read and write back to the same JSON")
class ConnectJsonUpdateRoundTripTest {

    @Nested
    @DisplayName("an update request body")
    class Body {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#updates")
        void updateBodyRoundTripsAsVersionAndActions(String path) {
            ConnectorUpdate update = accepted(ConnectJson.readUpdate(text(path)));
            assertWrittenAsExample(path, ConnectJson.write(update));
        }

        @Test
        @DisplayName("is read into its version and typed actions, in order")
        void updateBodyReadsIntoVersionAndTypedActions() {
            ConnectorUpdate update = accepted(ConnectJson.readUpdate(text("connector/update.json")));
            assertEquals(ConnectorUpdate.of(1, new ConnectorSetNameAction("New Connector name")), update);
        }

        @Test
        @DisplayName("is written as exactly version and actions, each action with its discriminator")
        void updateIsWrittenAsVersionAndActions() {
            String written = ConnectJson.write(ConnectorUpdate.of(7, new ConnectorSetNameAction("x")));
            assertEquals(Examples.parse("{\"version\":7,\"actions\":[{\"action\":\"setName\",\"name\":\"x\"}]}"),
                    Examples.parse(written));
        }
    }

    @Nested
    @DisplayName("an update action")
    class Action {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#actionExamples")
        void actionExampleRoundTrips(String path) {
            ConnectorUpdateAction action = accepted(ConnectJson.readAction(text(path)));
            assertEquals(Examples.tree(path).get("action").asText(), UpdateActionTypes.nameOf(action));
            assertWrittenAsExample(path, ConnectJson.write(action));
        }
    }
}
