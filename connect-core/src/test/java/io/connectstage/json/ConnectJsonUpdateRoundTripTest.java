package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.action.ConnectorSetNameAction;
import io.connectstage.action.ConnectorSetRepositoryAction;
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
        @Test
        @DisplayName("setRepository without url, as the official CLI sends it, reads with the url absent and writes it absent")
        void setRepositoryWithoutUrl() {
            String cli = "{\"version\":3,\"actions\":[{\"action\":\"setName\",\"name\":\"X\"},"
                    + "{\"action\":\"setRepository\",\"tag\":\"1.0.0\"}]}";
            ConnectorUpdate update = accepted(ConnectJson.readUpdate(cli));
            assertEquals(ConnectorUpdate.of(3, new ConnectorSetNameAction("X"), new ConnectorSetRepositoryAction(null, "1.0.0")),
                    update);
            assertEquals(Examples.parse(cli), Examples.parse(ConnectJson.write(update)));
        }

        @Test
        @DisplayName("setRepository with neither url nor tag reads and writes back as the action name alone")
        void setRepositoryWithNeither() {
            ConnectorUpdateAction action = accepted(ConnectJson.readAction("{\"action\":\"setRepository\"}"));
            assertEquals(new ConnectorSetRepositoryAction(null, null), action);
            assertEquals(Examples.parse("{\"action\":\"setRepository\"}"), Examples.parse(ConnectJson.write(action)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#actionExamples")
        void actionExampleRoundTrips(String path) {
            ConnectorUpdateAction action = accepted(ConnectJson.readAction(text(path)));
            assertEquals(Examples.tree(path).get("action").asText(), UpdateActionTypes.nameOf(action));
            assertWrittenAsExample(path, ConnectJson.write(action));
        }
    }
}
