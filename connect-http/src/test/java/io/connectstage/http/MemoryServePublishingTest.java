package io.connectstage.http;

import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("serve over memory stores: a project's staged store publishes and records access in its own writes")
class MemoryServePublishingTest extends ServePublishingContract {
    @Override
    protected Stores openStores() {
        return new Stores(key -> new InMemoryConnectorStore(),
                new SharedPublished(new InMemoryPublishedConnectorStore(), PublishedAccess.memory()), () -> { });
    }
}
