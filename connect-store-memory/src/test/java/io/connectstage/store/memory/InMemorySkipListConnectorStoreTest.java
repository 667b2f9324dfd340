package io.connectstage.store.memory;

import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryConnectorStore with its indexes in the JDK's skip list")
class InMemorySkipListConnectorStoreTest extends ConnectorStoreContract {

    @Override
    protected ConnectorStore newStore() {
        return new InMemoryConnectorStore(IndexStructure.SKIP_LIST);
    }
}
