package io.connectstage.store.memory;

import io.connectstage.testkit.DeploymentProcessingContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Deployments processed over the memory stores")
class InMemoryDeploymentProcessingTest extends DeploymentProcessingContract {
    private final InMemoryConnectorStore staged = new InMemoryConnectorStore();
    private final InMemoryPublishedConnectorStore published = new InMemoryPublishedConnectorStore();
    private final InMemoryDeploymentStore deployments = new InMemoryDeploymentStore();

    @Override
    protected Stores openStores() {
        return new Stores(staged, published, deployments);
    }
}
