package io.connectstage.store.jdbc;

import io.connectstage.store.ConnectorStore;
import io.connectstage.testkit.ConcurrentUpdatesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcConnectorStore on H2 in a file under concurrent updates of one connector")
class JdbcConcurrentUpdatesH2FileTest extends ConcurrentUpdatesContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    /**
     * Every commit here waits for its write to be durable (a file write, a log flush): 8 writers x
     * 2,500 requests still race on one row the whole time, and stay well inside the timeout on a
     * loaded machine.
     */
    @Override
    protected int updatesPerThread() {
        return 2_500;
    }

    @Override
    protected ConnectorStore newStore() {
        database = TestDatabase.Kind.H2_FILE.open(folder);
        return new JdbcConnectorStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
