package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.store.ConnectorStore;
import io.connectstage.store.jdbc.JdbcStoreException;
import io.connectstage.testkit.Connectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --store jdbc:h2:…}: projects as schemas of one database, and the keys of those that have data. */
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
