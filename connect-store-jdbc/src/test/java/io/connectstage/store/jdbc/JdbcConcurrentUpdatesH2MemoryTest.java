package io.connectstage.store.jdbc;

import io.connectstage.store.ConnectorStore;
import io.connectstage.testkit.ConcurrentUpdatesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcConnectorStore on H2 in memory under concurrent updates of one connector")
class JdbcConcurrentUpdatesH2MemoryTest extends ConcurrentUpdatesContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @Override
    protected ConnectorStore newStore() {
        database = TestDatabase.Kind.H2_MEMORY.open(folder);
        return new JdbcConnectorStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
