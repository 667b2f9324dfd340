package io.connectstage.store.memory;

import io.connectstage.store.ConnectorStore;
import io.connectstage.testkit.ConnectorStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryConnectorStore")
class InMemoryConnectorStoreTest extends ConnectorStoreContract {

    @Override
    protected ConnectorStore newStore() {
        return new InMemoryConnectorStore();
    }
}
