package io.connectstage.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The release listeners of DeploymentFaults")
class ProcessorReleaseListenersTest {

    @Test
    @DisplayName("a closed processor no longer listens, so processors made and closed per test leave none behind")
    void closedProcessorsLeaveNoListener() {
        DeploymentFaults faults = new DeploymentFaults();
        for (int i = 0; i < 3; i++) {
            ConnectorProcessor processor = ConnectorProcessor.builder(new InMemoryConnectorStore(),
                            new InMemoryPublishedConnectorStore(), ConnectorAnalyzer.acceptingEverything())
                    .executor(Runnable::run).deployments(new InMemoryDeploymentStore()).faults(faults).build();
            assertEquals(1, faults.releaseListenerCount());
            processor.close();
        }
        assertEquals(0, faults.releaseListenerCount());
    }
}
