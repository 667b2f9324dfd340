package io.connectstage.cli;

import io.connectstage.http.ServePublishingContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("serve --store jdbc:postgresql: a project's staged store publishes and records access in its own transaction")
class ServePublishingPostgresTest extends ServePublishingContract {
    @Override
    protected Stores openStores() {
        String prefix = ServeStores.prefix();
        StoreOption option = ServeStores.postgres(prefix);
        return new Stores(option.staged(), option.published(), () -> {
            option.close();
            ServeStores.dropSchemas(prefix);
        });
    }
}
