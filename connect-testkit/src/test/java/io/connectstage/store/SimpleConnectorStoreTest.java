package io.connectstage.store;

import io.connectstage.testkit.ConnectorStoreContract;
import io.connectstage.testkit.SimpleConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SimpleConnectorStore (connect-core's test store)")
class SimpleConnectorStoreTest extends ConnectorStoreContract {
    @Override
    protected ConnectorStore newStore() {
        return new SimpleConnectorStore();
    }
}
