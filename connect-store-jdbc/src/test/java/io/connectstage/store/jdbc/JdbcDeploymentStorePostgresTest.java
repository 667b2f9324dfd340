package io.connectstage.store.jdbc;

import io.connectstage.store.DeploymentStore;
import io.connectstage.testkit.DeploymentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("JdbcDeploymentStore on PostgreSQL")
class JdbcDeploymentStorePostgresTest extends DeploymentStoreContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @Override
    protected DeploymentStore newStore() {
        database = TestDatabase.Kind.POSTGRES.open(folder);
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
