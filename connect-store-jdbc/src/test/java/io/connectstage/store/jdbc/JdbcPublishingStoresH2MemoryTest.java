package io.connectstage.store.jdbc;

import io.connectstage.testkit.PublishingStoresContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcConnectorStore and JdbcPublishedConnectorStore over one data source: H2 in memory")
class JdbcPublishingStoresH2MemoryTest extends PublishingStoresContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @Override
    protected Stores openStores() {
        database = TestDatabase.Kind.H2_MEMORY.open(folder);
        return new Stores(new JdbcConnectorStore(database.dataSource()), new JdbcPublishedConnectorStore(database.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
