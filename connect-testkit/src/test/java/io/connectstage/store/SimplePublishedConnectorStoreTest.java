package io.connectstage.store;

import io.connectstage.testkit.PublishedConnectorStoreContract;
import io.connectstage.testkit.SimplePublishedConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SimplePublishedConnectorStore (connect-core's test store)")
class SimplePublishedConnectorStoreTest extends PublishedConnectorStoreContract {
    @Override
    protected PublishedConnectorStore newStore() {
        return new SimplePublishedConnectorStore();
    }
}
