package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.cli.OfficialCli.Result;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.repository.GitFixture;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.store.SortField;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official commercetools CLI (npm {@code @commercetools/cli} 0.0.23, unmodified) against the
 * server, pointed at it by {@code ./connect cli-env} ({@link OfficialCli}): the connectorstaged
 * commands. Without node and npm this test fails.
 */
@DisplayName("The official commercetools CLI against ./connect serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpOfficialCliTest {
    private static final String VALID = "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n"
            + "    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: region\n";
    private static final String INVALID = "deployAs:\n  - name: x\n    applicationType: service\n";
    private static final String GOOD_URL = "https://github.com/acme/good-connector.git";
    private static final String BAD_URL = "https://github.com/acme/bad-connector.git";

    @TempDir
    static Path tmp;

    private ConnectServer server;
    private OfficialCli cli;
    private Path homeA;
    private Path homeB;

    @BeforeAll
    void installCliAndStartServer() throws Exception {
        try (GitFixture good = GitFixture.init(tmp.resolve("good")); GitFixture bad = GitFixture.init(tmp.resolve("bad"))) {
            good.write("connect.yaml", VALID).commit("valid");
            good.lightweightTag("1.0.0");
            bad.write("connect.yaml", INVALID).commit("invalid");
            bad.lightweightTag("1.0.0");
        }
        GitRepositorySource source = GitRepositorySource.builder()
                .mirror(GOOD_URL, tmp.resolve("good"))
                .mirror(BAD_URL, tmp.resolve("bad"))
                .build();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("cli-a:secret-a:manage_project:project-a").get())
                .client(OAuthClient.parse("cli-b:secret-b:manage_connectors:project-b").get())
                .client(OAuthClient.parse("cli-org:secret-org:manage_project:project-a,manage_project:project-c").get())
                .spaces(PerProjectSpaces.builder().analyzer(new SpecAnalyzer(source)).build())
                .start();
        cli = OfficialCli.against(server.baseUri(), tmp);
        homeA = cli.home("home-a");
        homeB = cli.home("home-b");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Result cli(Path home, String... args) throws Exception {
        return cli.run(home, args);
    }

    private Result ok(Path home, String... args) throws Exception {
        return cli.ok(home, args);
    }

    @Test
    @Order(1)
    void logsInCreatesListsDescribesAndUpdates() throws Exception {
        ok(homeA, "auth", "login", "--client-credentials", "--client-id", "cli-a", "--client-secret", "secret-a",
                "--region", "europe-west1.gcp", "--project-key", "project-a");
        Result created = ok(homeA, "connect", "connectorstaged", "create", "--repository-url", GOOD_URL, "--repository-tag", "1.0.0",
                "--creator-email", "jane@example.com", "--name", "Good connector", "--key", "good-connector");
        assertTrue(created.output().contains("successfully created"), created.output());
        ok(homeA, "connect", "connectorstaged", "create", "--repository-url", BAD_URL, "--repository-tag", "1.0.0",
                "--creator-email", "jane@example.com", "--name", "Bad connector", "--key", "bad-connector");

        boolean sortsByCreatedAt = SortField.fromWire("createdAt").isPresent();
        Result list = sortsByCreatedAt
                ? ok(homeA, "connect", "connectorstaged", "list", "--sort", "-createdAt")
                : ok(homeA, "connect", "connectorstaged", "list");
        assertTrue(list.output().contains("good-connector") && list.output().contains("bad-connector"), list.output());
        if (sortsByCreatedAt) {
            assertTrue(list.output().indexOf("bad-connector") < list.output().indexOf("good-connector"), list.output());
        }

        Result described = ok(homeA, "connect", "connectorstaged", "describe", "--key", "good-connector");
        assertTrue(described.output().contains("Good connector") && described.output().contains(GOOD_URL), described.output());

        // CLI 0.0.23 sends, on every update, setRepository with the current tag and no url unless
        // --repository-url is given: a name alone must update the name and keep the repository
        Result renamed = cli(homeA, "connect", "connectorstaged", "update", "--key", "good-connector",
                "--name", "Renamed connector");
        assertEquals(0, renamed.code(), renamed.output());
        Result after = ok(homeA, "connect", "connectorstaged", "describe", "--key", "good-connector");
        assertTrue(after.output().contains("Renamed connector"), after.output());
        assertTrue(after.output().contains(GOOD_URL) && after.output().contains("1.0.0"), after.output());
        assertTrue(after.output().contains("version: 2"), after.output());
    }

    @Test
    @Order(2)
    void validatesAValidRepositoryAndNamesTheProblemOfAnInvalidOne() throws Exception {
        Result good = ok(homeA, "connect", "connectorstaged", "validate", "--key", "good-connector");
        assertTrue(good.output().contains("Connector specification file validation check succeeded"), good.output());
        Result bad = cli(homeA, "connect", "connectorstaged", "validate", "--key", "bad-connector");
        assertNotEquals(0, bad.code(), bad.output());
        assertTrue(bad.output().contains("deployAs.0."), bad.output());
    }

    @Test
    @Order(3)
    void publishes() throws Exception {
        Result published = ok(homeA, "connect", "connectorstaged", "publish", "--key", "good-connector");
        Result after = ok(homeA, "connect", "connectorstaged", "describe", "--key", "good-connector");
        assertTrue(after.output().contains("status: 'Published'"), published.output() + "\n" + after.output());
    }

    @Test
    @Order(4)
    void anotherProjectsLoginSeesNoneOfIt() throws Exception {
        ok(homeB, "auth", "login", "--client-credentials", "--client-id", "cli-b", "--client-secret", "secret-b",
                "--region", "us-central1.gcp", "--project-key", "project-b");
        Result list = ok(homeB, "connect", "connectorstaged", "list");
        assertFalse(list.output().contains("good-connector") || list.output().contains("bad-connector"), list.output());
        Result describe = cli(homeB, "connect", "connectorstaged", "describe", "--key", "good-connector");
        assertNotEquals(0, describe.code(), describe.output());
        assertFalse(describe.output().contains("Renamed connector"), describe.output());
    }

    @Test
    @Order(5)
    void aWrongSecretFailsTheLogin() throws Exception {
        Result r = cli(cli.home("home-c"), "auth", "login", "--client-credentials",
                "--client-id", "cli-a", "--client-secret", "wrong", "--region", "europe-west1.gcp", "--project-key", "project-a");
        assertNotEquals(0, r.code(), r.output());
        assertFalse(r.output().contains("secret-a"), r.output());
    }

    @Test
    @Order(6)
    @DisplayName("an organization client logs the CLI in to its first project; the CLI asks no scope, so not to the others")
    void anOrganizationClientLogsInToItsFirstProject() throws Exception {
        Path home = cli.home("home-org");
        ok(home, "auth", "login", "--client-credentials", "--client-id", "cli-org", "--client-secret", "secret-org",
                "--region", "europe-west1.gcp", "--project-key", "project-a");
        Result list = ok(home, "connect", "connectorstaged", "list");
        assertTrue(list.output().contains("good-connector"), list.output());

        Result other = cli(cli.home("home-org-c"), "auth", "login", "--client-credentials", "--client-id", "cli-org",
                "--client-secret", "secret-org", "--region", "europe-west1.gcp", "--project-key", "project-c");
        assertNotEquals(0, other.code(), other.output());
        // the CLI wraps its error lines, each continuation after a "›"
        String unwrapped = other.output().replaceAll("\\s*›\\s*", " ").replaceAll("\\s+", " ");
        assertTrue(unwrapped.contains("Project key \"project-c\" is not present in the token scopes"), other.output());
    }
}
