package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentGlobalConfiguration;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.error.ErrorResponse;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.repository.GitRepositorySource;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.DeploymentService;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The run lease with the real runner")
class RunTakeoverTest {
    private static final String PROJECT = "fixture-project";
    private static final URI SERVER = URI.create("http://127.0.0.1:9/");

    @TempDir
    Path temp;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static <T> T ok(Either<ErrorResponse, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    private ProcessDeploymentRunner runner(Path repo, String name) {
        ProcessDeploymentRunner runner = ProcessDeploymentRunner.builder().serverBase(() -> SERVER)
                .workDirectory(temp.resolve("run-" + name)).mirrors(Map.of(FixtureConnector.URL, repo))
                .stopGrace(Duration.ofSeconds(3)).build();
        opened.add(runner);
        return runner;
    }

    /** A processor (one server) over the shared stores, with its own runner, working on the caller's thread. */
    private ConnectorProcessor processor(InMemoryConnectorStore staged, InMemoryDeploymentStore store, SpecAnalyzer analyzer,
            ProcessDeploymentRunner runner, String owner) {
        ConnectorProcessor processor = ConnectorProcessor.builder(staged, new InMemoryPublishedConnectorStore(), analyzer)
                .deployments(store).runner(runner).owner(owner).executor(Runnable::run).build();
        opened.add(processor); // closed before its runner
        return processor;
    }

    @Test
    @DisplayName("a server that closes stops the fixture's applications and gives up their run; another server over the "
            + "same store starts them again, and the service answers again at the same URL")
    void anotherServerStartsTheApplicationsAgain() throws Exception {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), temp.resolve("repo"));
        InMemoryConnectorStore staged = new InMemoryConnectorStore();
        InMemoryDeploymentStore store = new InMemoryDeploymentStore();
        SpecAnalyzer analyzer = new SpecAnalyzer(GitRepositorySource.builder().mirror(FixtureConnector.URL, repo)
                .workDirectory(temp.resolve("git")).build());
        ProcessDeploymentRunner runnerA = runner(repo, "a");
        ConnectorProcessor a = processor(staged, store, analyzer, runnerA, "a");
        ConnectorStagedService connectors = ConnectorStagedService.builder(staged).processing(a).build();
        DeploymentService deployments = DeploymentService.builder(store, staged, new InMemoryPublishedConnectorStore())
                .processing(a).projectKey(PROJECT).build();
        ConnectorStaged c = ok(connectors.create(ConnectorStagedDraft.of("Fixture connector", Creator.ofEmail("a@example.com"),
                new Repository(FixtureConnector.URL, FixtureConnector.GOOD)).withKey("fixture")));
        ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(),
                new ConnectorAddPrivateProjectAction("europe-west1.gcp:" + PROJECT), new ConnectorUpdatePreviewableAction())));
        Waits.until("the connector previewable", () -> ok(connectors.get(ResourceRef.id(c.id()))).isPreviewable() == IsPreviewable.TRUE);
        Deployment created = ok(deployments.create(DeploymentDraft.builder().key("fixture-run").type(DeploymentType.PREVIEW)
                .stagedConnectorKey("fixture").region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withStandard("GREETING", "hello again")
                        .withSecured("SERVICE_SECRET", "s3cr3t-takeover-7d1e"))
                .globalConfiguration(DeploymentGlobalConfiguration.empty().withStandard("SHARED_NAME", "shared")).build()));
        Deployment deployed = Waits.value("the Deployment settled", () -> {
            Deployment now = ok(deployments.get(ResourceRef.id(created.id())));
            return now.status() == DeploymentStatus.DEPLOYED || now.status() == DeploymentStatus.FAILED ? now : null;
        });
        assertEquals(DeploymentStatus.DEPLOYED, deployed.status(), deployed::toString);
        String url = deployed.application("service").url();
        InetSocketAddress first = runnerA.application(deployed.id(), "service").get().address();
        assertTrue(get(first).contains("\"greeting\":\"hello again\""));

        a.close();
        runnerA.close();
        Waits.until("the first server's service stopped", () -> !Waits.accepts(first));

        ProcessDeploymentRunner runnerB = runner(repo, "b");
        ConnectorProcessor b = processor(staged, store, analyzer, runnerB, "b");
        assertEquals(1, b.runClaimable(), "the run given up by the first server");

        InetSocketAddress second = runnerB.application(deployed.id(), "service").get().address();
        String answer = get(second);
        assertTrue(answer.contains("\"greeting\":\"hello again\""), answer);
        Deployment after = ok(deployments.get(ResourceRef.id(deployed.id())));
        assertEquals(deployed, after, "the Deployment, its URL included, is what the first server settled");
        assertEquals(url, after.application("service").url());
        assertTrue(store.logs(deployed.id(), new DeploymentLogRange(null, null, 0, null, 10_000)).stream().anyMatch(l ->
                l.details().toString().contains("Application service started again by b")));
        assertEquals("b", store.work().get(0).lease().owner());
    }

    private static String get(InetSocketAddress address) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + "/hello")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }
}
