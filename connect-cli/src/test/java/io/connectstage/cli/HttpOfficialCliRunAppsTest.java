package io.connectstage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.cli.OfficialCli.Result;
import io.connectstage.http.ConnectServer;
import io.connectstage.http.Http;
import io.connectstage.http.PerProjectSpaces;
import io.connectstage.oauth.OAuthClient;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.runner.FixtureConnector;
import io.connectstage.runner.ProcessDeploymentRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture connector (connect-runner's test resources: a service, an event and a job
 * application on node:http) deployed through the official CLI against a server whose processing
 * builds and runs applications for real ({@link ProcessDeploymentRunner}): the service answers at
 * its URL with the configured value, an event is delivered ({@code ./connect event}), a job runs
 * now and on its schedule, a redeploy changes what the service answers, a tag whose build fails
 * ends {@code Failed} with the build's error, and delete leaves no process and no port. Processing
 * runs on the request thread, so the CLI's create returns once the build settled.
 */
@DisplayName("The official CLI deploys the fixture connector, whose applications really run")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HttpOfficialCliRunAppsTest {
    private static final String SECRET = "fixture-secret-value";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PORT_LINE = Pattern.compile("answers on its port (\\d+)");

    @TempDir
    static Path tmp;

    private ConnectServer server;
    private OfficialCli cli;
    private Path home;
    private Http http;
    private String token;
    private final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), tmp.resolve("repo"));
        CompletableFuture<URI> base = new CompletableFuture<>();
        server = ConnectServer.builder()
                .client(OAuthClient.parse("cli-a:secret-a:manage_project:project-a").get())
                .spaces(PerProjectSpaces.builder().executor(Runnable::run)
                        .analyzer(new SpecAnalyzer(GitRepositorySource.builder().mirror(FixtureConnector.URL, repo).build()))
                        .build())
                .runner(ProcessDeploymentRunner.builder().serverBase(base::join).workDirectory(tmp.resolve("run"))
                        .mirrors(java.util.Map.of(FixtureConnector.URL, repo)).build())
                .start();
        base.complete(server.baseUri());
        http = new Http(server.baseUri());
        token = http.token("cli-a", "secret-a", null).expect(200).json().get("access_token").asText();
        cli = OfficialCli.against(server.baseUri(), tmp);
        home = cli.home("home");
        cli.ok(home, "auth", "login", "--client-credentials", "--client-id", "cli-a", "--client-secret", "secret-a",
                "--region", "europe-west1.gcp", "--project-key", "project-a");
        ok("connect", "connectorstaged", "create", "--repository-url", FixtureConnector.URL, "--repository-tag",
                FixtureConnector.GOOD, "--creator-email", "jane@example.com", "--name", "Fixture", "--key", "fixture");
        ok("connect", "connectorstaged", "update", "--key", "fixture", "--repository-url", FixtureConnector.URL,
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

    private static String configuration(String greeting) {
        return "SHARED_NAME=everyone,service.GREETING=" + greeting + ",service.SERVICE_SECRET=" + SECRET;
    }

    private JsonNode deployment(String key) {
        return http.get("/project-a/deployments/key=" + key, token).expect(200).json();
    }

    private String url(String key, String application) {
        for (JsonNode app : deployment(key).get("applications")) {
            if (app.get("applicationName").asText().equals(application)) {
                return app.get("url").asText();
            }
        }
        throw new AssertionError("no application " + application + " in " + deployment(key));
    }

    private static HttpResponse<String> call(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The log entries of a Deployment, read over HTTP (the CLI asks at each page whether to go on,
     * which a test cannot answer ahead): one entry a line, details as JSON.
     */
    private String logs(String key) {
        StringBuilder all = new StringBuilder();
        for (JsonNode entry : http.get("/project-a/deployments/key=" + key + "/logs?limit=500", token).expect(200).json()
                .get("data")) {
            all.append(entry.get("applicationName").asText()).append(' ').append(entry.get("details")).append('\n');
        }
        return all.toString();
    }

    private static void await(int seconds, String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    @Order(1)
    @DisplayName("connectorstaged preview deploys it; the service answers at its URL with the configured value, never the secret")
    void previewRunsTheApplications() throws Exception {
        Result preview = ok("connect", "connectorstaged", "preview", "--key", "fixture", "--deployment-key", "run-1",
                "--region", "europe-west1.gcp", "--configuration", configuration("hello"));
        assertTrue(preview.output().contains("was successfully deployed."), preview.output());
        String serviceUrl = url("run-1", "service");
        assertTrue(serviceUrl.startsWith(server.baseUri() + "/.connectstage/apps/"), serviceUrl);
        HttpResponse<String> answer = call(serviceUrl + "/service");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("hello", body.get("greeting").asText());
        assertEquals("everyone", body.get("sharedName").asText());
        assertTrue(body.get("secretSet").asBoolean());
        assertFalse(answer.body().contains(SECRET), answer.body());
        String firstPage = ok("connect", "deployment", "logs", "--key", "run-1").output();
        assertTrue(firstPage.contains("Build of application service started"), firstPage);
        String logs = logs("run-1");
        assertTrue(logs.contains("service listening on port"), logs);
        assertTrue(logs.contains("postDeploy ran"), logs);
        assertFalse(logs.contains(SECRET), logs);
        Matcher m = PORT_LINE.matcher(logs);
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(3, ports.size(), logs);
    }

    @Test
    @Order(2)
    @DisplayName("./connect event delivers a message to the event application, and the CLI's logs show it received")
    void anEventIsDelivered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ConnectCli.run(new String[] {"event", "--url", server.baseUri().toString(), "--project", "project-a",
                "--deployment", "run-1", "--application", "event", "--client-id", "cli-a", "--client-secret", "secret-a",
                "--attribute", "origin=test", "--data", "order-created-42"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String messageId = out.toString(StandardCharsets.UTF_8).trim();
        assertFalse(messageId.isEmpty());
        await(60, "the event in the logs", () -> {
            String logs = logs("run-1");
            return logs.contains("order-created-42") && logs.contains("Event " + messageId + ", attempt 1: answered 204");
        });
    }

    @Test
    @Order(3)
    @DisplayName("a job runs now when asked over HTTP, and on its schedule (every minute in the fixture)")
    void aJobRunsNowAndOnItsSchedule() throws Exception {
        http.post("/.connectstage/projects/project-a/deployments/key=run-1/jobs/job/run", token, "").expect(202);
        await(30, "the job's run in the logs", () -> {
            String logs = logs("run-1");
            return logs.contains("job ran") && logs.contains("of job job: answered 200");
        });
        await(75, "a scheduled call of the job", () -> logs("run-1").contains("Scheduled call of job job: answered 200"));
    }

    @Test
    @Order(4)
    @DisplayName("connectorstaged deploy redeploys with a new value, and the service answers it at the same URL")
    void aRedeployChangesTheAnswer() throws Exception {
        String before = url("run-1", "service");
        Result again = ok("connect", "connectorstaged", "deploy", "--key", "fixture", "--deployment-key", "run-1",
                "--region", "europe-west1.gcp", "--configuration", configuration("bonjour"));
        assertTrue(again.output().contains("was successfully deployed."), again.output());
        assertEquals(before, url("run-1", "service"));
        HttpResponse<String> answer = call(before + "/service");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("bonjour", JSON.readTree(answer.body()).get("greeting").asText());
    }

    @Test
    @Order(5)
    @DisplayName("deployment create runs a production Deployment of the published Connector; deployment redeploy starts it again")
    void deploymentCreateAndRedeploy() throws Exception {
        ok("connect", "connectorstaged", "publish", "--key", "fixture");
        Result created = ok("connect", "deployment", "create", "--key", "prod-1", "--connector-key", "fixture",
                "--type", "production", "--region", "europe-west1.gcp", "--configuration", configuration("production"));
        assertTrue(created.output().contains("The Deployment resource prod-1 has been successfully created"), created.output());
        await(120, "prod-1 Deployed", () -> deployment("prod-1").get("status").asText().equals("Deployed"));
        String serviceUrl = url("prod-1", "service");
        assertEquals("production", JSON.readTree(call(serviceUrl + "/service").body()).get("greeting").asText());

        Result redeployed = ok("connect", "deployment", "redeploy", "--key", "prod-1");
        assertTrue(redeployed.output().contains("has been successfully redeployed"), redeployed.output());
        await(120, "prod-1 Deployed again", () -> deployment("prod-1").get("status").asText().equals("Deployed"));
        assertEquals("production", JSON.readTree(call(serviceUrl + "/service").body()).get("greeting").asText());
        assertEquals(2, logs("prod-1").split("service listening on port", -1).length - 1, "started twice");
        cli.okWithInput(home, "y\n", "connect", "deployment", "delete", "--key", "prod-1");
    }

    @Test
    @Order(6)
    @DisplayName("a tag whose build fails ends Failed, with the build's error in its build details")
    void aFailingBuildEndsFailed() throws Exception {
        ok("connect", "connectorstaged", "update", "--key", "fixture", "--repository-url", FixtureConnector.URL,
                "--repository-tag", FixtureConnector.BROKEN);
        Result preview = cli.run(home, "connect", "connectorstaged", "preview", "--key", "fixture", "--deployment-key",
                "run-broken", "--region", "europe-west1.gcp", "--configuration", configuration("hello"));
        assertFalse(preview.output().contains(SECRET), preview.output());
        JsonNode d = deployment("run-broken");
        assertEquals("Failed", d.get("status").asText(), d.toString());
        assertTrue(d.get("details").toString().contains(FixtureConnector.BUILD_ERROR), d.get("details").toString());
        String described = ok("connect", "deployment", "describe", "--key", "run-broken").output();
        assertTrue(described.contains("status: 'Failed'"), described);
    }

    @Test
    @Order(7)
    @DisplayName("deployment delete stops every application: no port of them answers and no process of them is left")
    void deleteLeavesNothingRunning() throws Exception {
        Result deleted = cli.okWithInput(home, "y\n", "connect", "deployment", "delete", "--key", "run-1");
        assertFalse(deleted.output().contains(SECRET), deleted.output());
        http.get("/project-a/deployments/key=run-1", token).expect(404);
        assertFalse(ports.isEmpty());
        await(30, "the applications' ports closed", () -> ports.stream().noneMatch(HttpOfficialCliRunAppsTest::listens));
        Path run = tmp.resolve("run").toAbsolutePath();
        await(30, "no process of the run folder", () -> processesUnder(run).isEmpty());
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The processes whose command line names the run folder (every watchdog does). */
    static List<ProcessHandle> processesUnder(Path folder) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(c -> c.contains(folder.toString())).orElse(false)).toList();
        }
    }
}
