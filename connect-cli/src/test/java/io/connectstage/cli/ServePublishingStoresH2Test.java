package io.connectstage.cli;

import io.connectstage.http.PerProjectSpaces;
import io.connectstage.http.ProjectSpace;
import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.testkit.PublishingStoresContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("serve --store jdbc:h2:mem: a project's staged store and its view of the shared published store")
class ServePublishingStoresH2Test extends PublishingStoresContract {
    private StoreOption option;

    @Override
    protected Stores openStores() {
        option = ServeStores.h2();
        return of(option);
    }

    /** The stores a project's processor is given under {@code serve} with these options. */
    static Stores of(StoreOption option) {
        ProjectSpace space = PerProjectSpaces.builder().staged(option.staged()).published(option.published())
                .analyzer(ConnectorAnalyzer.acceptingEverything()).executor(Runnable::run).build().of("a-project");
        return new Stores(space.connectors().store(), space.processor().get().published());
    }

    @AfterEach
    void closeStores() {
        option.close();
    }
}
