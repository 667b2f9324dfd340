package io.connectstage.http;

import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.testkit.PublishingStoresContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("PerProjectSpaces over memory stores: a project's staged store and its view of the shared published store")
class MemoryServePublishingStoresTest extends PublishingStoresContract {
    @Override
    protected Stores openStores() {
        ProjectSpace space = PerProjectSpaces.builder().analyzer(ConnectorAnalyzer.acceptingEverything())
                .executor(Runnable::run).build().of("a-project");
        return new Stores(space.connectors().store(), ServePublishingContract.viewOf(space));
    }
}
