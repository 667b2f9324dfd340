package io.connectstage.store.memory;

import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.testkit.PublishedConnectorStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryPublishedConnectorStore")
class InMemoryPublishedConnectorStoreTest extends PublishedConnectorStoreContract {

    @Override
    protected PublishedConnectorStore newStore() {
        return new InMemoryPublishedConnectorStore();
    }
}
