package io.connectstage.store.jdbc;

import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.testkit.PublishedConnectorStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcPublishedConnectorStore on H2 in a file")
class JdbcPublishedConnectorStoreH2FileTest extends PublishedConnectorStoreContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @Override
    protected PublishedConnectorStore newStore() {
        database = TestDatabase.Kind.H2_FILE.open(folder);
        return new JdbcPublishedConnectorStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
