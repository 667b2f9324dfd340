package io.connectstage.store;

import io.connectstage.testing.SimplePublishedConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SimplePublishedConnectorStore (connect-core's test store)")
class SimplePublishedConnectorStoreTest extends PublishedConnectorStoreContract {
    @Override
    protected PublishedConnectorStore newStore() {
        return new SimplePublishedConnectorStore();
    }
}
