package io.connectstage.store.memory;

import io.connectstage.testkit.ProcessingContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Two processors sharing the in-memory stores")
class InMemoryProcessingTest extends ProcessingContract {
    private final Stores stores = new Stores(new InMemoryConnectorStore(), new InMemoryPublishedConnectorStore());

    @Override
    protected Stores openStores() {
        return stores;
    }
}
