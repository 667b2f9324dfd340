package io.connectstage.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.testkit.SampleConnectors;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectorStaged.Changes, into which an update request writes all its actions")
class ConnectorStagedChangesTest {
    private final ConnectorStaged staged = SampleConnectors.fullyPopulated();

    @Test
    @DisplayName("built without a change, it is equal to the connector it was taken from")
    void buildsAnEqualConnectorWhenNothingChanged() {
        assertEquals(staged, staged.changes().build());
    }

    @Test
    @DisplayName("a setter reads back what the built connector holds: no list null, status Draft, isPreviewable none")
    void readsBackTheDefaultsOfTheRecord() {
        ConnectorStaged.Changes changes = staged.changes().integrationTypes(null).supportedRegions(null)
                .privateProjects(null).configurations(null).status(null).isPreviewable(null);
        ConnectorStaged built = changes.build();
        assertEquals(List.of(), changes.integrationTypes());
        assertEquals(built.supportedRegions(), changes.supportedRegions());
        assertEquals(built.privateProjects(), changes.privateProjects());
        assertEquals(built.configurations(), changes.configurations());
        assertEquals(ConnectorStatus.DRAFT, changes.status());
        assertEquals(IsPreviewable.NONE, changes.isPreviewable());
    }

    @Test
    @DisplayName("a production Connector has the same data as the changes exactly when it has it as the built connector")
    void sameDataAsAgreesWithTheBuiltConnector() {
        Connector production = Connector.publishedFrom(staged, 1);
        ConnectorStaged.Changes unchanged = staged.changes().version(7).hasChanges(true);
        ConnectorStaged.Changes renamed = staged.changes().name("Another name");
        assertTrue(production.sameDataAs(unchanged));
        assertTrue(production.sameDataAs(unchanged.build()));
        assertFalse(production.sameDataAs(renamed));
        assertFalse(production.sameDataAs(renamed.build()));
    }
}
