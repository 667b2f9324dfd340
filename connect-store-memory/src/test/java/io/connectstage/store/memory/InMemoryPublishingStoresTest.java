package io.connectstage.store.memory;

import io.connectstage.testkit.PublishingStoresContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryConnectorStore made with an InMemoryPublishedConnectorStore")
class InMemoryPublishingStoresTest extends PublishingStoresContract {
    @Override
    protected Stores openStores() {
        InMemoryPublishedConnectorStore published = new InMemoryPublishedConnectorStore();
        return new Stores(new InMemoryConnectorStore(published), published);
    }
}
