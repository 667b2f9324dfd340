package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.Repository;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConnector;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentLogType;
import io.connectstage.processing.DeploymentRunner.EventMessage;
import io.connectstage.processing.DeploymentRunner.RunningApplication;
import io.connectstage.processing.RunResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ProcessDeploymentRunner with the fixture connector")
class ProcessDeploymentRunnerTest {
    private static final String SECRET = "s3cr3t-fixture-value-0d9e";
    private static final URI BASE = URI.create("http://127.0.0.1:8080/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path repository;

    /** One running Deployment of the fixture, shared by the tests that only look at one (each start costs seconds of npm). */
    static ProcessDeploymentRunner sharedRunner;
    static RecordingSink sharedLogs;
    static RunResult sharedResult;

    @TempDir
    Path temp;
    ProcessDeploymentRunner own;
    ProcessDeploymentRunner runner;
    RecordingSink logs;

    @BeforeAll
    static void buildTheRepository() {
        repository = FixtureConnector.repository(FixtureConnector.folder(), shared.resolve("fixture-repo"));
    }

    @BeforeEach
    void createRunner() {
        own = runner(temp.resolve("work")).build();
        runner = own;
        logs = new RecordingSink();
    }

    @AfterEach
    void closeRunner() {
        own.close();
    }

    @AfterAll
    static void closeSharedRunner() {
        if (sharedRunner != null) {
            sharedRunner.close();
        }
    }

    /** Makes this test use the shared running Deployment (started by the first test that asks), answering its id. */
    private String useShared() {
        synchronized (ProcessDeploymentRunnerTest.class) {
            if (sharedRunner == null) {
                sharedRunner = runner(shared.resolve("work")).build();
                sharedLogs = new RecordingSink();
                sharedResult = sharedRunner.start("fixture-project",
                        FixtureConnector.deployment(id(1), FixtureConnector.GOOD, "hello", SECRET), true, sharedLogs);
            }
        }
        assertTrue(sharedResult.succeeded(), () -> "the start failed: " + sharedResult.entries() + "\n" + sharedLogs.text());
        runner = sharedRunner;
        logs = sharedLogs;
        return id(1);
    }

    /** The processes started by this JVM that are alive now. */
    private static List<ProcessHandle> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    static ProcessDeploymentRunner.Builder runner(Path work) {
        return ProcessDeploymentRunner.builder().serverBase(() -> BASE).workDirectory(work)
                .mirrors(Map.of(FixtureConnector.URL, repository)).startTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(3)).restartBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    private static String id(int n) {
        return String.format("%08d-0000-4000-8000-000000000000", n);
    }

    private RunResult deploy(Deployment d) {
        return deploy(d, true);
    }

    private RunResult deploy(Deployment d, boolean postDeploy) {
        RunResult result = runner.start("fixture-project", d, postDeploy, logs);
        assertTrue(result.succeeded(), () -> "the start failed: " + result.entries() + "\n" + logs.text());
        return result;
    }

    private InetSocketAddress address(String deploymentId, String application) {
        RunningApplication app = runner.application(deploymentId, application).getOrElseThrow(
                () -> new AssertionError(application + " does not run"));
        return app.address();
    }

    private static JsonNode get(InetSocketAddress address, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void startsTheServiceWithItsConfiguredValueAndNeverShowsTheSecuredOne() throws Exception {
        Deployment d = FixtureConnector.deployment(useShared(), FixtureConnector.GOOD, "hello", SECRET);
        RunResult result = sharedResult;

        assertEquals(Map.of("service", "http://127.0.0.1:8080/.connectstage/apps/" + d.id() + "/service",
                "event", "http://127.0.0.1:8080/.connectstage/apps/" + d.id() + "/event",
                "job", "http://127.0.0.1:8080/.connectstage/apps/" + d.id() + "/job"), result.urls());
        JsonNode answer = get(address(d.id(), "service"), "/service/hello");
        assertEquals("hello", answer.path("greeting").asText());
        assertEquals("shared", answer.path("sharedName").asText(), "the global value reaches every application");
        assertTrue(answer.path("secretSet").asBoolean(), "the secured value is in the environment");
        assertTrue(answer.path("built").asBoolean(), "npm run build ran before npm start");
        assertFalse(answer.toString().contains(SECRET));
        // what npm and sh add (npm_*, NODE, INIT_CWD, COLOR, EDITOR, PWD) aside, only what the runner gives
        List<String> names = new java.util.ArrayList<>();
        answer.path("environmentNames").forEach(n -> names.add(n.asText()));
        assertTrue(names.containsAll(List.of("PATH", "HOME", "PORT", "GREETING", "SERVICE_SECRET", "SHARED_NAME",
                "CONNECT_PROVIDER", "CONNECT_SERVICE_URL")), names::toString);
        List<String> others = names.stream().filter(n -> !n.startsWith("npm_") && !List.of("PATH", "HOME", "PORT", "GREETING",
                "SERVICE_SECRET", "SHARED_NAME", "CONNECT_PROVIDER", "CONNECT_SERVICE_URL", "NODE", "INIT_CWD", "COLOR", "EDITOR",
                "PWD", "SHLVL", "_").contains(n)).toList();
        assertEquals(List.of(), others, "nothing else of the server's environment");
        RunningApplication service = runner.application(d.id(), "service").get();
        assertEquals("service", service.applicationType());
        assertEquals("/service", service.endpoint());
        assertTrue(runner.application(d.id(), "job").isDefined());
        assertTrue(runner.application(d.id(), "nope").isEmpty());
        assertTrue(result.entries().stream().filter(e -> e.type() == ConnectorReportEntryType.INFORMATION)
                .map(ConnectorReportEntry::application).toList().containsAll(List.of("service", "event", "job")));
    }

    @Test
    void sendsTheOutputOfBuildsScriptsAndApplicationsToTheLogs() throws Exception {
        Deployment d = FixtureConnector.deployment(useShared(), FixtureConnector.GOOD, "hello", SECRET);
        get(address(d.id(), "service"), "/service/logged");

        Waits.until("the request logged as JSON", () -> logs.entries().stream().anyMatch(e -> e.applicationName().equals("service")
                && e.type() == DeploymentLogType.APPLICATION_JSON && e.severity() == DeploymentLogSeverity.INFO
                && e.details().path("path").asText().equals("/service/logged")));
        assertTrue(logs.has("service", "service built into dist/"), logs::text);
        assertTrue(logs.has("service", "service listening on port"), logs::text);
        assertTrue(logs.has("service", "postDeploy ran: provider GCP, service URL http://127.0.0.1:8080/.connectstage/apps/"
                + d.id() + "/service"), logs::text);
        assertTrue(logs.has("event", "topic connect-00000001-event"), logs::text);
        assertTrue(logs.has("job", "job listening on port"), logs::text);
        assertFalse(logs.text().contains(SECRET), "no log entry holds the secured value");
    }

    @Test
    void aRedeployRestartsTheApplicationsWithTheNewValuesAndSkipsPostDeployWhenAsked() throws Exception {
        Deployment d = FixtureConnector.deployment(id(3), FixtureConnector.GOOD, "hello", SECRET);
        deploy(d);
        InetSocketAddress before = address(d.id(), "service");
        assertEquals("hello", get(before, "/").path("greeting").asText());

        deploy(FixtureConnector.deployment(id(3), FixtureConnector.GOOD, "bonjour", SECRET), false);

        assertEquals("bonjour", get(address(d.id(), "service"), "/").path("greeting").asText());
        assertEquals(1, logs.text().split("postDeploy ran", -1).length - 1, logs.text());
        assertTrue(logs.text().contains("The postDeploy script was not run: the redeploy asked to skip scripts"), logs.text());
        if (before.getPort() != address(d.id(), "service").getPort()) {
            Waits.until("the old port closed", () -> !Waits.accepts(before));
        }
    }

    @Test
    void undeployRunsPreUndeployThenLeavesNoProcessNoPortAndNoFolder() throws Exception {
        Deployment d = FixtureConnector.deployment(id(4), FixtureConnector.GOOD, "hello", SECRET);
        List<ProcessHandle> before = alive();
        deploy(d);
        List<ProcessHandle> started = alive().stream().filter(p -> !before.contains(p)).toList();
        assertFalse(started.isEmpty());
        List<InetSocketAddress> ports = List.of(address(d.id(), "service"), address(d.id(), "event"), address(d.id(), "job"));
        Path folder = temp.resolve("work/deployments").resolve(d.id());
        assertTrue(Files.isDirectory(folder));

        runner.stop(d.id(), true);

        Waits.until("the preUndeploy output logged", () -> logs.has("service", "preUndeploy ran: provider GCP"));
        for (InetSocketAddress port : ports) {
            Waits.until("port " + port.getPort() + " closed", () -> !Waits.accepts(port));
        }
        Waits.until("every process of the Deployment ended", () -> started.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(Files.exists(folder));
        assertTrue(runner.application(d.id(), "service").isEmpty());
    }

    @Test
    void aFailingBuildEndsTheStartWithTheBuildsLastLinesAndRunsNothing() {
        Deployment d = FixtureConnector.deployment(id(5), FixtureConnector.BROKEN, "hello", SECRET);
        List<ProcessHandle> before = alive();

        RunResult result = runner.start("fixture-project", d, true, logs);

        assertFalse(result.succeeded());
        ConnectorReportEntry error = result.entries().stream().filter(e -> e.type() == ConnectorReportEntryType.ERROR)
                .findFirst().orElseThrow();
        assertEquals("Build of application event failed", error.title());
        assertEquals("event", error.application());
        assertTrue(error.message().startsWith("npm run build exited with code 2"), error.message());
        assertTrue(error.message().contains(FixtureConnector.BUILD_ERROR), error.message());
        assertTrue(result.urls().isEmpty());
        assertTrue(runner.application(d.id(), "service").isEmpty(), "nothing keeps running");
        Waits.until("no process of the build left", () -> before.containsAll(alive()));
        assertTrue(logs.entries().stream().anyMatch(e -> e.applicationName().equals("event")
                && e.severity() == DeploymentLogSeverity.ERROR && e.details().toString().contains(FixtureConnector.BUILD_ERROR)),
                "the standard error lines of the build are ERROR entries");
        assertFalse(Files.exists(temp.resolve("work/deployments").resolve(d.id())));
    }

    @Test
    void aTagThatCannotBeCheckedOutEndsTheStartSayingWhy() {
        RunResult result = runner.start("fixture-project", FixtureConnector.deployment(id(10), "9.9.9", "hello", SECRET), true, logs);

        assertFalse(result.succeeded());
        assertEquals("The repository " + FixtureConnector.URL + " at the tag 9.9.9 could not be checked out: the repository"
                + " has no tag '9.9.9'", result.entries().get(0).message());
        assertTrue(logs.has("service", "could not be checked out"), "each application's logs say why");
    }

    @Test
    void refusesARepositoryThatIsNeitherMirroredNorAllowed() {
        Deployment d = FixtureConnector.deployment(id(6), FixtureConnector.GOOD, "hello", SECRET);
        DeploymentConnector elsewhere = d.connector();
        Deployment unmapped = d.toBuilder().connector(new DeploymentConnector(elsewhere.id(), elsewhere.key(), elsewhere.version(),
                elsewhere.name(), null, elsewhere.integrationTypes(), elsewhere.creator(),
                new Repository("https://github.com/someone/else.git", "1.0.0"), elsewhere.configurations(),
                elsewhere.globalConfiguration(), false, null, null)).build();

        assertEquals("the repository URL is neither mirrored (--repo-mirror) nor allowed (--run-allow)",
                runner.refusal(unmapped).getOrElse("none"));
        assertTrue(runner.refusal(d).isEmpty());
        try (ProcessDeploymentRunner allowing = runner(temp.resolve("work-2")).allow(List.of("https://github.com/someone/")).build()) {
            assertTrue(allowing.refusal(unmapped).isEmpty());
        }
        assertFalse(runner.start("fixture-project", unmapped, true, logs).succeeded());
    }

    @Test
    void refusesADeploymentThatWouldExceedTheMostApplications() {
        try (ProcessDeploymentRunner small = runner(temp.resolve("work-3")).maxApplications(2).build()) {
            assertEquals("running its 3 applications would exceed the maximum of 2 running applications (0 run already)",
                    small.refusal(FixtureConnector.deployment(id(7), FixtureConnector.GOOD, "hello", SECRET)).getOrElse("none"));
        }
    }

    @Test
    void deliversAnEventAsAPushRequestAndRunsAJobNowEachCallLogged() throws Exception {
        Deployment d = FixtureConnector.deployment(useShared(), FixtureConnector.GOOD, "hello", SECRET);
        assertTrue(logs.has("job", "Job job scheduled: * * * * *"), logs::text);

        String messageId = runner.deliver(d.id(), "event", new EventMessage("order-created".getBytes(StandardCharsets.UTF_8),
                Map.of("type", "OrderCreated"))).get();
        String runId = runner.runJob(d.id(), "job").get();

        Waits.until("the event received by the application", () -> logs.entries().stream().anyMatch(e ->
                e.applicationName().equals("event") && e.type() == DeploymentLogType.APPLICATION_JSON
                        && e.details().path("data").asText().equals("order-created")
                        && e.details().path("attributes").path("type").asText().equals("OrderCreated")
                        && e.details().path("messageId").asText().equals(messageId)));
        Waits.until("the attempt logged", () -> logs.has("event", "Event " + messageId + ", attempt 1: answered 204"));
        Waits.until("the job run by the application", () -> logs.has("job", "job ran"));
        Waits.until("the call logged", () -> logs.has("job", "Run " + runId + " of job job: answered 200"));
        assertTrue(runner.deliver(d.id(), "service", new EventMessage(new byte[0], Map.of())).isLeft(),
                "the service is no event application");
        assertTrue(runner.runJob(d.id(), "event").isLeft(), "the event application is no job");
        assertTrue(runner.runJob("no-such-deployment", "job").isLeft());
    }

    @Test
    void startsAnApplicationThatExitsAgainAndLogsItsExitCode() throws Exception {
        Deployment d = FixtureConnector.deployment(useShared(), FixtureConnector.GOOD, "hello", SECRET);
        InetSocketAddress service = address(d.id(), "service");
        HttpResponse<String> exit = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getPort() + "/exit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, exit.statusCode());

        Waits.until("the exit logged", () -> logs.has("service", "Application service exited with code 3"));
        Waits.until("the service answering again", () -> {
            try {
                return get(service, "/again").path("greeting").asText().equals("hello");
            } catch (IOException | InterruptedException | AssertionError e) {
                return false;
            }
        });
    }
}
