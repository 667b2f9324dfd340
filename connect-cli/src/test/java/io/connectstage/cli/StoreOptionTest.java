package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.jdbc.JdbcStoreException;
import io.connectstage.testkit.Connectors;
import io.connectstage.testkit.SampleDeployments;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve --store jdbc:h2:…}: projects as schemas of one database, and the keys of those that
 * have data; {@code --max-log-entries} on every store.
 */
@DisplayName("the store option on H2")
class StoreOptionTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("keeps each project's connectors apart in one H2 file, and lists their keys after a restart")
    void projectsAsSchemasOfOneFile() {
        String spec = "jdbc:h2:file:" + tmp.resolve("db");
        try (StoreOption stores = StoreOption.parse(spec, "cs", 2)) {
            stores.check();
            assertEquals(List.of(), stores.projectKeys());
            ConnectorStore a = stores.staged().apply("project-a");
            ConnectorStore b = stores.staged().apply("project-b");
            a.insert(Connectors.minimal("00000000-0000-4000-8000-000000000001", "only-in-a")).get();
            assertTrue(b.findByKey("only-in-a").isEmpty(), "project-b does not see project-a's connector");
            stores.deployments().apply("project-c");
        }
        try (StoreOption stores = StoreOption.parse(spec, "cs", 2)) {
            stores.check();
            assertEquals(List.of("project-a", "project-b", "project-c"), stores.projectKeys());
            assertTrue(stores.staged().apply("project-a").findByKey("only-in-a").isDefined());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "jdbc:h2:mem:"})
    @DisplayName("gives each project's Deployment store the bound of --max-log-entries")
    void maxLogEntries(String kind) {
        String spec = kind.equals("memory") ? kind : kind + "store-option-logs-" + System.nanoTime();
        try (StoreOption stores = StoreOption.parse(spec, "cs", 2, 2)) {
            DeploymentStore deployments = stores.deployments().apply("project-a");
            Deployment d = SampleDeployments.queued();
            deployments.insert("project-a", d, DeploymentWrite.NONE).get();
            Instant t0 = Instant.parse("2024-03-01T12:00:00Z");
            for (int i = 0; i < 3; i++) {
                assertTrue(deployments.appendLogs("project-a", d.id(),
                        List.of(DeploymentLog.text(d.id(), "service", DeploymentLogSeverity.INFO, t0.plusSeconds(i), "m" + i))));
            }
            assertEquals(List.of("m1", "m2"), deployments.logs(d.id(), new DeploymentLogRange(null, null, 0, null, 10)).stream()
                    .map(l -> l.details().get("message").asText()).toList());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreOption.parse("memory", "cs", 2, 0));
        assertEquals("--max-log-entries is at least 1, not 0", e.getMessage());
    }

    @Test
    @DisplayName("refuses a project key that spells the schema of another project, rather than share its data")
    void keysOfOneSchemaName() {
        try (StoreOption stores = StoreOption.parse("jdbc:h2:mem:store-option-" + System.nanoTime(), "cs", 2)) {
            stores.staged().apply("a-b");
            JdbcStoreException e = assertThrows(JdbcStoreException.class, () -> stores.staged().apply("a_b"));
            assertTrue(e.getMessage().contains("would share schema cs_a_b with project 'a-b'"), e.getMessage());
            assertEquals(List.of("a-b"), stores.projectKeys());
        }
    }
}
