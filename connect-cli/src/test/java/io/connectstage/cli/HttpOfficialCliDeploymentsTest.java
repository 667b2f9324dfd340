package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.cli.OfficialCli.Result;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.repository.GitFixture;
import io.connectstage.repository.GitRepositorySource;
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
 * The official commercetools CLI's deployment commands ({@code connect connectorstaged preview}
 * and {@code deploy}, {@code connect deployment create|list|describe|logs|redeploy|delete})
 * against the server, unmodified ({@link OfficialCli}). Processing runs on the request thread, so
 * a Deployment is settled when the request that moved it is answered: the CLI's
 * {@code readUntilComplete} stops polling at the first status other than {@code Deploying}, and
 * would otherwise end on a {@code Queued} one. A build is made to fail through the fault endpoint,
 * as a harness of {@code ./connect serve} does.
 */
@DisplayName("The official commercetools CLI's deployment commands against the server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpOfficialCliDeploymentsTest {
    private static final String URL = "https://github.com/acme/deploy-connector.git";
    private static final String SECRET = "s3cr3t-value";
    /** Global keys (one secured) and a service with a key of its own. */
    private static final String V1 = "inheritAs:\n  configuration:\n    standardConfiguration:\n"
            + "      - key: SHARED_LEVEL\n        description: a level all applications see\n"
            + "    securedConfiguration:\n      - key: SHARED_SECRET\n        description: a secret all applications see\n"
            + "deployAs:\n  - name: service-app\n    applicationType: service\n    endpoint: /service\n"
            + "    configuration:\n      standardConfiguration:\n        - key: CTP_REGION\n          description: region\n";
    /** V1 and one more global key and one more key of the service. */
    private static final String V2 = V1.replace("      - key: SHARED_LEVEL\n",
            "      - key: NEW_KEY\n        description: new\n      - key: SHARED_LEVEL\n")
            .replace("        - key: CTP_REGION\n", "        - key: NEW_APP_KEY\n          description: new\n        - key: CTP_REGION\n");
    private static final String CONFIGURATION = "SHARED_LEVEL=high,SHARED_SECRET=" + SECRET + ",service-app.CTP_REGION=eu";

    @TempDir
    static Path tmp;

    private ConnectServer server;
    private OfficialCli cli;
    private Path home;

    @BeforeAll
    void startServer() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("connect.yaml", V1).commit("v1");
            repo.lightweightTag("1.0.0");
            repo.write("connect.yaml", V2).commit("v2: one more key each");
            repo.lightweightTag("2.0.0");
        }
        server = ConnectServer.builder()
                .client(OAuthClient.parse("cli-a:secret-a:manage_project:project-a").get())
                .spaces(PerProjectSpaces.builder().executor(Runnable::run)
                        .analyzer(new SpecAnalyzer(GitRepositorySource.builder().mirror(URL, tmp.resolve("repo")).build()))
                        .build())
                .start();
        cli = OfficialCli.against(server.baseUri(), tmp);
        home = cli.home("home");
        cli.ok(home, "auth", "login", "--client-credentials", "--client-id", "cli-a", "--client-secret", "secret-a",
                "--region", "europe-west1.gcp", "--project-key", "project-a");
        cli.ok(home, "connect", "connectorstaged", "create", "--repository-url", URL, "--repository-tag", "1.0.0",
                "--creator-email", "jane@example.com", "--name", "Deploy connector", "--key", "deploy-connector");
        // --private-projects is a hidden flag of update; a preview deployment goes only into one of them
        cli.ok(home, "connect", "connectorstaged", "update", "--key", "deploy-connector", "--repository-url", URL,
                "--supported-regions", "europe-west1.gcp", "--private-projects", "europe-west1.gcp:project-a");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Result ok(String... args) throws Exception {
        return cli.okNeverShowing(SECRET, home, args);
    }

    private Result fails(String... args) throws Exception {
        Result r = cli.run(home, args);
        assertNotEquals(0, r.code(), String.join(" ", args) + ":\n" + r.output());
        return r;
    }

    private String describe(String key) throws Exception {
        return ok("connect", "deployment", "describe", "--key", key).output();
    }

    @Test
    @Order(1)
    @DisplayName("connectorstaged preview validates, then deploys a preview; deploy again redeploys it with new values")
    void previewThenDeploy() throws Exception {
        Result preview = ok("connect", "connectorstaged", "preview", "--key", "deploy-connector", "--deployment-key", "preview-1",
                "--region", "europe-west1.gcp", "--configuration", CONFIGURATION);
        assertTrue(preview.output().contains("Connector specification file validation check succeeded"), preview.output());
        assertTrue(preview.output().contains("The preview Deployment with key 'preview-1' for Git tag '1.0.0' was successfully deployed."),
                preview.output());
        assertTrue(preview.output().contains("name: service-app"), preview.output());

        Result again = ok("connect", "connectorstaged", "deploy", "--key", "deploy-connector", "--deployment-key", "preview-1",
                "--region", "europe-west1.gcp", "--configuration", "SHARED_LEVEL=low,SHARED_SECRET=" + SECRET);
        assertTrue(again.output().contains("Deployment queued for redeployment"), again.output());
        assertTrue(again.output().contains("was successfully deployed."), again.output());
        String described = describe("preview-1");
        assertTrue(described.contains("type: 'preview'") && described.contains("status: 'Deployed'"), described);
        assertTrue(described.contains("value: 'low'") && described.contains("value: '****'"), described);
    }

    @Test
    @Order(2)
    @DisplayName("deployment create, list and describe a production Deployment of the published Connector")
    void createListDescribe() throws Exception {
        ok("connect", "connectorstaged", "publish", "--key", "deploy-connector");
        Result created = ok("connect", "deployment", "create", "--key", "prod-1", "--connector-key", "deploy-connector",
                "--type", "production", "--region", "europe-west1.gcp", "--configuration", CONFIGURATION);
        assertTrue(created.output().contains("The Deployment resource prod-1 has been successfully created"), created.output());
        Result list = ok("connect", "deployment", "list");
        assertTrue(list.output().contains("preview-1") && list.output().contains("prod-1"), list.output());
        assertTrue(list.output().contains("Showing items 1–2 of 2."), list.output());
        // preview-1 was created first and last changed (its redeploy) before prod-1 was created.
        String newestFirst = ok("connect", "deployment", "list", "--sort", "-createdAt").output();
        assertTrue(newestFirst.indexOf("prod-1") < newestFirst.indexOf("preview-1"), newestFirst);
        assertTrue(newestFirst.contains("Showing items 1–2 of 2."), newestFirst);
        String oldestChangeFirst = ok("connect", "deployment", "list", "--sort", "+lastModifiedAt").output();
        assertTrue(oldestChangeFirst.indexOf("preview-1") < oldestChangeFirst.indexOf("prod-1"), oldestChangeFirst);
        String oldestFirst = ok("connect", "deployment", "list", "--sort", "createdAt").output();
        assertTrue(oldestFirst.indexOf("preview-1") < oldestFirst.indexOf("prod-1"), oldestFirst);
        String described = describe("prod-1");
        assertTrue(described.contains("type: 'production'") && described.contains("status: 'Deployed'"), described);
        assertTrue(described.contains("deployedRegion: 'europe-west1.gcp'"), described);
    }

    @Test
    @Order(3)
    @DisplayName("deployment redeploy brings a Deployment whose build failed (a fault set over HTTP) to Deployed")
    void redeployAfterAFailedBuild() throws Exception {
        Http http = new Http(server.baseUri());
        String token = http.token("cli-a", "secret-a", null).expect(200).json().get("access_token").asText();
        http.post("/.connectstage/projects/project-a/faults", token,
                "{\"action\":\"failNextBuild\",\"deploymentKey\":\"prod-2\",\"applicationName\":\"service-app\"}").expect(200);
        ok("connect", "deployment", "create", "--key", "prod-2", "--connector-key", "deploy-connector",
                "--type", "production", "--region", "europe-west1.gcp", "--configuration", CONFIGURATION);
        String failed = describe("prod-2");
        assertTrue(failed.contains("status: 'Failed'") && failed.contains("Build of application service-app failed"), failed);

        Result redeployed = ok("connect", "deployment", "redeploy", "--key", "prod-2");
        assertTrue(redeployed.output().contains("has been successfully redeployed"), redeployed.output());
        assertTrue(describe("prod-2").contains("status: 'Deployed'"));

        Result logs = ok("connect", "deployment", "logs", "--key", "prod-2");
        assertTrue(logs.output().contains("ERROR service-app") && logs.output().contains("Build failed"), logs.output());
        assertTrue(logs.output().contains("NOTICE service-app"), logs.output());
        assertFalse(logs.output().contains("more logs available"), "one page, no prompt:\n" + logs.output());
    }

    @Test
    @Order(4)
    @DisplayName("deployment logs pages through more than one page when told to at its prompt")
    void logsPageByPage() throws Exception {
        Http http = new Http(server.baseUri());
        String token = http.token("cli-a", "secret-a", null).expect(200).json().get("access_token").asText();
        for (int i = 0; i < 7; i++) { // three entries each: more than the 20 of a first page
            long version = http.get("/project-a/deployments/key=prod-1", token).expect(200).json().get("version").asLong();
            http.post("/project-a/deployments/key=prod-1", token, "{\"version\":" + version
                    + ",\"actions\":[{\"action\":\"redeploy\"}]}").expect(200);
        }
        int entries = http.get("/project-a/deployments/key=prod-1/logs?limit=100", token).expect(200).json().get("data").size();
        assertTrue(entries > 20, "entries: " + entries);
        // the CLI asks "Do you want to see the next page?" and has no flag for it: answered on standard input
        Result logs = cli.okWithInput(home, "y\n", "connect", "deployment", "logs", "--key", "prod-1");
        assertTrue(logs.output().contains("There's more logs available"), logs.output());
        assertTrue(logs.output().contains("No more logs found for Deployment with key - 'prod-1'."), logs.output());
        assertEquals(entries, logs.output().lines().filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*service-app .*")).count(),
                logs.output());
    }

    @Test
    @Order(5)
    @DisplayName("deployment delete undeploys once confirmed at its prompt; the Deployment is then gone")
    void deleteAfterConfirming() throws Exception {
        // the CLI asks "Are you sure ...?" and has no flag to skip it: answered on standard input
        Result deleted = cli.okWithInput(home, "y\n", "connect", "deployment", "delete", "--key", "prod-2");
        assertTrue(deleted.output().contains("Deployment with key - 'prod-2' has been successfully deleted."), deleted.output());
        Result gone = fails("connect", "deployment", "describe", "--key", "prod-2");
        assertTrue(gone.output().contains("ResourceNotFound"), gone.output());
        Result kept = cli.okWithInput(home, "n\n", "connect", "deployment", "delete", "--key", "prod-1");
        assertFalse(kept.output().contains("successfully deleted"), kept.output());
        assertTrue(describe("prod-1").contains("status: 'Deployed'"));
    }

    @Test
    @Order(6)
    @DisplayName("an unsupported region fails with DeploymentUnsupportedRegion")
    void unsupportedRegion() throws Exception {
        Result r = fails("connect", "deployment", "create", "--key", "prod-us", "--connector-key", "deploy-connector",
                "--type", "production", "--region", "us-central1.gcp", "--configuration", CONFIGURATION);
        assertTrue(r.output().contains("Code: DeploymentUnsupportedRegion"), r.output());
        Result staged = fails("connect", "connectorstaged", "deploy", "--key", "deploy-connector", "--deployment-key", "preview-us",
                "--region", "us-central1.gcp", "--configuration", CONFIGURATION);
        assertTrue(staged.output().contains("Code: DeploymentUnsupportedRegion"), staged.output());
    }

    @Test
    @Order(7)
    @DisplayName("unknown configuration keys fail with the API's DeploymentUnknownGlobalConfigurationKey and application variant")
    void unknownConfigurationKeys() throws Exception {
        // The CLI checks --configuration against the Connector it read and refuses an unknown key itself,
        // before any request: so the API's errors come only where its Connector and the API's differ.
        Result local = fails("connect", "deployment", "create", "--key", "prod-3", "--connector-key", "deploy-connector",
                "--type", "production", "--region", "europe-west1.gcp", "--configuration", "NOPE=x");
        assertTrue(local.output().contains("'NOPE' specified in the input are not"), local.output());

        // They do when the staged Connector has moved on (2.0.0 adds NEW_KEY and service-app.NEW_APP_KEY) and
        // `connectorstaged deploy` redeploys a production Deployment: the CLI checks the values against the
        // staged Connector, the API against the published one the Deployment is updated to.
        ok("connect", "connectorstaged", "update", "--key", "deploy-connector", "--repository-url", URL, "--repository-tag", "2.0.0");
        ok("connect", "connectorstaged", "validate", "--key", "deploy-connector");
        Result r = fails("connect", "connectorstaged", "deploy", "--key", "deploy-connector", "--deployment-key", "prod-1",
                "--region", "europe-west1.gcp", "--configuration", "NEW_KEY=x,service-app.NEW_APP_KEY=y");
        assertTrue(r.output().contains("Code: DeploymentUnknownGlobalConfigurationKey"), r.output());
        assertTrue(r.output().contains("Code: DeploymentUnknownApplicationConfigurationKey"), r.output());
        assertTrue(describe("prod-1").contains("status: 'Deployed'"));
    }
}
