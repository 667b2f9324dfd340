package io.connectstage.store.jdbc;

import io.connectstage.store.DeploymentStore;
import io.connectstage.testkit.DeploymentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcDeploymentStore on H2 in memory")
class JdbcDeploymentStoreH2MemoryTest extends DeploymentStoreContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @Override
    protected DeploymentStore newStore() {
        database = TestDatabase.Kind.H2_MEMORY.open(folder);
        return new JdbcDeploymentStore(database.dataSource());
    }

    @Override
    protected DeploymentStore newStore(int maxLogEntriesPerDeployment) {
        return new JdbcDeploymentStore(database.dataSource(), maxLogEntriesPerDeployment);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
