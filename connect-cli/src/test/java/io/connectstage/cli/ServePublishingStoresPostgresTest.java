package io.connectstage.cli;

import io.connectstage.testkit.PublishingStoresContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("serve --store jdbc:postgresql: a project's staged store and its view of the shared published store")
class ServePublishingStoresPostgresTest extends PublishingStoresContract {
    private final String prefix = ServeStores.prefix();
    private StoreOption option;

    @Override
    protected Stores openStores() {
        option = ServeStores.postgres(prefix);
        return ServePublishingStoresH2Test.of(option);
    }

    @AfterEach
    void closeStores() throws Exception {
        option.close();
        ServeStores.dropSchemas(prefix);
    }
}
