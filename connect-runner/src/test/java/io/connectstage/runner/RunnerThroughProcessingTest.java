package io.connectstage.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.analysis.SpecAnalyzer;
import io.connectstage.connector.ConnectorReportEntryType;
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
import io.connectstage.deployment.DeploymentLog;
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
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The runner behind the Deployment steps")
class RunnerThroughProcessingTest {
    private static final String PROJECT = "fixture-project";
    private static final String SECRET = "s3cr3t-processing-value-51c2";

    @TempDir
    Path temp;
    ProcessDeploymentRunner runner;
    ConnectorProcessor processor;

    @AfterEach
    void close() {
        if (processor != null) {
            processor.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    private static <T> T ok(Either<ErrorResponse, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    @Test
    void aPreviewDeploymentOfTheFixtureIsDeployedWithTheRunnersUrlsAndItsLogsAndUndeployClosesItsPorts() {
        Path repo = FixtureConnector.repository(FixtureConnector.folder(), temp.resolve("repo"));
        runner = ProcessDeploymentRunner.builder().serverBase(() -> URI.create("http://127.0.0.1:9/"))
                .workDirectory(temp.resolve("run")).mirrors(Map.of(FixtureConnector.URL, repo)).stopGrace(Duration.ofSeconds(3)).build();
        InMemoryConnectorStore staged = new InMemoryConnectorStore();
        InMemoryDeploymentStore store = new InMemoryDeploymentStore();
        SpecAnalyzer analyzer = new SpecAnalyzer(GitRepositorySource.builder().mirror(FixtureConnector.URL, repo)
                .workDirectory(temp.resolve("git")).build());
        processor = ConnectorProcessor.builder(staged, new InMemoryPublishedConnectorStore(), analyzer).deployments(store)
                .runner(runner).executor(Runnable::run).build();
        ConnectorStagedService connectors = ConnectorStagedService.builder(staged).processing(processor).build();
        DeploymentService deployments = DeploymentService.builder(store, staged, new InMemoryPublishedConnectorStore())
                .processing(processor).projectKey(PROJECT).build();

        ConnectorStaged c = ok(connectors.create(ConnectorStagedDraft.of("Fixture connector", Creator.ofEmail("a@example.com"),
                new Repository(FixtureConnector.URL, FixtureConnector.GOOD)).withKey("fixture")));
        ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(),
                new ConnectorAddPrivateProjectAction("europe-west1.gcp:" + PROJECT), new ConnectorUpdatePreviewableAction())));
        Waits.until("the connector previewable", () -> ok(connectors.get(ResourceRef.id(c.id()))).isPreviewable() == IsPreviewable.TRUE);

        Deployment created = ok(deployments.create(DeploymentDraft.builder().key("fixture-preview").type(DeploymentType.PREVIEW)
                .stagedConnectorKey("fixture").region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withStandard("GREETING", "hello")
                        .withSecured("SERVICE_SECRET", SECRET))
                .globalConfiguration(DeploymentGlobalConfiguration.empty().withStandard("SHARED_NAME", "shared")).build()));
        Deployment d = Waits.value("the Deployment settled", () -> {
            Deployment now = ok(deployments.get(ResourceRef.id(created.id())));
            return now.status() == DeploymentStatus.DEPLOYED || now.status() == DeploymentStatus.FAILED ? now : null;
        });

        assertEquals(DeploymentStatus.DEPLOYED, d.status(), d::toString);
        assertEquals("http://127.0.0.1:9/.connectstage/apps/" + d.id() + "/service", d.application("service").url());
        assertTrue(d.details().build().report().entries().stream().anyMatch(e -> e.type() == ConnectorReportEntryType.INFORMATION
                && "Build of application service succeeded".equals(e.title())));
        InetSocketAddress service = runner.application(d.id(), "service").get().address();
        assertTrue(Waits.accepts(service));
        Waits.until("the service's output in the Deployment's logs", () -> logs(store, d.id()).stream().anyMatch(l ->
                l.details().toString().contains("service listening on port")));
        assertTrue(logs(store, d.id()).stream().noneMatch(l -> l.details().toString().contains(SECRET)));

        ok(deployments.delete(ResourceRef.id(d.id()), d.version()));

        Waits.until("the Deployment gone", () -> deployments.get(ResourceRef.id(d.id())).isLeft());
        Waits.until("the service's port closed", () -> !Waits.accepts(service));
        assertTrue(runner.application(d.id(), "service").isEmpty());
    }

    private static List<DeploymentLog> logs(InMemoryDeploymentStore store, String deploymentId) {
        return store.logs(deploymentId, new DeploymentLogRange(null, null, 0, null, 10_000));
    }
}
