package io.connectstage.store.memory;

import io.connectstage.store.ConnectorStore;
import io.connectstage.testkit.ConcurrentUpdatesContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryConnectorStore under concurrent updates of one connector")
class InMemoryConcurrentUpdatesTest extends ConcurrentUpdatesContract {

    @Override
    protected ConnectorStore newStore() {
        return new InMemoryConnectorStore();
    }
}
