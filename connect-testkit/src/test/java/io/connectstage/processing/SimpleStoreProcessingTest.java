package io.connectstage.processing;

import io.connectstage.testkit.ProcessingContract;
import io.connectstage.testkit.SimpleConnectorStore;
import io.connectstage.testkit.SimplePublishedConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Two processors sharing connect-core's test store")
class SimpleStoreProcessingTest extends ProcessingContract {
    private final Stores stores = new Stores(new SimpleConnectorStore(), new SimplePublishedConnectorStore());

    @Override
    protected Stores openStores() {
        return stores;
    }
}
