package io.connectstage.cli;

import io.connectstage.http.ServePublishingContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("serve --store jdbc:h2:mem: a project's staged store publishes and records access in its own transaction")
class ServePublishingH2Test extends ServePublishingContract {
    @Override
    protected Stores openStores() {
        StoreOption option = ServeStores.h2();
        return new Stores(option.staged(), option.published(), option::close);
    }
}
