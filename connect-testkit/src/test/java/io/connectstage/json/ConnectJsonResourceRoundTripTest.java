package io.connectstage.json;

import static io.connectstage.json.Answers.accepted;
import static io.connectstage.json.Examples.assertWrittenAsExample;
import static io.connectstage.json.Examples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.PagedQueryResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Resource examples read and write back to the same JSON")
class ConnectJsonResourceRoundTripTest {

    @Nested
    @DisplayName("a ConnectorStaged")
    class Staged {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#staged")
        void stagedExampleRoundTrips(String path) {
            ConnectorStaged staged = accepted(ConnectJson.readStaged(text(path)));
            assertWrittenAsExample(path, ConnectJson.write(staged));
        }
    }

    @Nested
    @DisplayName("a page of ConnectorStaged")
    class StagedPage {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#stagedPages")
        void stagedPageExampleRoundTrips(String path) {
            PagedQueryResponse<ConnectorStaged> page = accepted(ConnectJson.readStagedPage(text(path)));
            assertEquals(page.count(), page.results().size());
            assertWrittenAsExample(path, ConnectJson.write(page));
        }
    }

    @Nested
    @DisplayName("a published Connector")
    class Published {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#connectors")
        void connectorExampleRoundTrips(String path) {
            Connector connector = accepted(ConnectJson.readConnector(text(path)));
            assertWrittenAsExample(path, ConnectJson.write(connector));
        }
    }

    @Nested
    @DisplayName("a page of Connectors")
    class PublishedPage {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.connectstage.json.Fixtures#connectorPages")
        void connectorPageExampleRoundTrips(String path) {
            PagedQueryResponse<Connector> page = accepted(ConnectJson.readConnectorPage(text(path)));
            assertEquals(page.count(), page.results().size());
            assertWrittenAsExample(path, ConnectJson.write(page));
        }
    }
}
