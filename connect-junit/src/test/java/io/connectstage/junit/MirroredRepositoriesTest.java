package io.connectstage.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.repository.GitFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Mirrors given to the extension are analyzed for real")
class MirroredRepositoriesTest {
    private static final String GOOD = "git@github.com:acme/mirrored.git";
    private static final String BROKEN = "git@github.com:acme/broken.git";
    private static final Path REPOSITORIES = repositories();

    @RegisterExtension
    static ConnectServerExtension connect = ConnectServerExtension.builder()
            .mirror(GOOD, REPOSITORIES.resolve("good"))
            .mirror(BROKEN, REPOSITORIES.resolve("broken"))
            .build();

    private static Path repositories() {
        try {
            Path dir = Files.createTempDirectory("connect-junit-mirrors");
            try (GitFixture good = GitFixture.init(dir.resolve("good"))) {
                good.write("connect.yaml", String.join("\n",
                        "deployAs:",
                        "  - name: service-app",
                        "    applicationType: service",
                        "    endpoint: /service",
                        "    configuration:",
                        "      standardConfiguration:",
                        "        - key: CTP_REGION",
                        "          description: commercetools region",
                        "")).commit("1.0.0");
                good.lightweightTag("1.0.0");
            }
            try (GitFixture broken = GitFixture.init(dir.resolve("broken"))) {
                broken.write("connect.yaml", "deployAs: not-a-list\n").commit("1.0.0");
                broken.lightweightTag("1.0.0");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void deleteRepositories() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORIES)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String draft(String key, String url) {
        return "{\"key\":\"" + key + "\",\"name\":\"Connector " + key + "\",\"creator\":{\"email\":\"a@example.com\"},"
                + "\"repository\":{\"url\":\"" + url + "\",\"tag\":\"1.0.0\"}}";
    }

    private static ConnectorStaged published(ConnectServerInfo info, String key, String url) {
        ConnectorStaged created = info.post("/connectors/drafts", draft(key, url)).assertStatus(201).staged();
        info.post("/connectors/drafts/" + created.id(), Updates.publish(created.version())).assertStatus(201);
        info.awaitSettled();
        return info.get("/connectors/drafts/" + created.id()).assertStatus(200).staged();
    }

    @Test
    void aValidConnectYamlPublishesWithItsConfigurations(ConnectServerInfo info) {
        ConnectorStaged settled = published(info, "good", GOOD);

        assertEquals(ConnectorStatus.PUBLISHED, settled.status());
        assertEquals("service-app", settled.configurations().get(0).applicationName());
    }

    @Test
    void anInvalidOneFailsWithTheAnalyzersReport(ConnectServerInfo info) {
        ConnectorStaged settled = published(info, "broken", BROKEN);

        assertEquals(ConnectorStatus.FAILED, settled.status());
        assertFalse(settled.publishingReport().entries().isEmpty());
    }
}
