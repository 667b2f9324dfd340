package io.connectstage.store;

import io.connectstage.testkit.ConcurrentUpdatesContract;
import io.connectstage.testkit.SimpleConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("SimpleConnectorStore under concurrent updates of one connector")
class SimpleConcurrentUpdatesTest extends ConcurrentUpdatesContract {
    @Override
    protected ConnectorStore newStore() {
        return new SimpleConnectorStore();
    }
}
