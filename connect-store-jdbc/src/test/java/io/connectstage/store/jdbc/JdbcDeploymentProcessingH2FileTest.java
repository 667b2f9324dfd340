package io.connectstage.store.jdbc;

import io.connectstage.testkit.DeploymentProcessingContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Deployments processed over one database: H2 in a file")
class JdbcDeploymentProcessingH2FileTest extends DeploymentProcessingContract {
    @TempDir
    Path folder;
    private TestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.Kind.H2_FILE.open(folder);
    }

    @Override
    protected Stores openStores() {
        return new Stores(new JdbcConnectorStore(database.dataSource()), new JdbcPublishedConnectorStore(database.dataSource()),
                new JdbcDeploymentStore(database.dataSource()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
