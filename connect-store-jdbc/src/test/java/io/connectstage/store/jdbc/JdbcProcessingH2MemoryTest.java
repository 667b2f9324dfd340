package io.connectstage.store.jdbc;

import io.connectstage.testkit.ProcessingContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Two processors sharing one database: H2 in memory")
class JdbcProcessingH2MemoryTest extends ProcessingContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.Kind.H2_MEMORY.open(folder);
    }

    @Override
    protected Stores openStores() {
        return new Stores(new JdbcConnectorStore(database.dataSource()), new JdbcPublishedConnectorStore(database.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
