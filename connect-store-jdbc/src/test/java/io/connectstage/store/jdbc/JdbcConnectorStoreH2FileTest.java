package io.connectstage.store.jdbc;

import io.connectstage.store.ConnectorStore;
import io.connectstage.testkit.ConnectorStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcConnectorStore on H2 in a file")
class JdbcConnectorStoreH2FileTest extends ConnectorStoreContract {
    @TempDir
    Path folder;
    private TestDatabase database;

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
