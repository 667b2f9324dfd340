package io.connectstage.store.memory;

import io.connectstage.store.DeploymentStore;
import io.connectstage.testkit.DeploymentStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryDeploymentStore")
class InMemoryDeploymentStoreTest extends DeploymentStoreContract {

    @Override
    protected DeploymentStore newStore() {
        return new InMemoryDeploymentStore();
    }

    @Override
    protected DeploymentStore newStore(int maxLogEntriesPerDeployment) {
        return new InMemoryDeploymentStore(maxLogEntriesPerDeployment);
    }
}
