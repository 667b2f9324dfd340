package io.connectstage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.Creator;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.deployment.ConnectorAccess;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentJson;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogPage;
import io.connectstage.deployment.DeploymentLogQuery;
import io.connectstage.deployment.DeploymentLogRange;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentRedeployAction;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.deployment.DeploymentUpdate;
import io.connectstage.error.ErrorCode;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.RunResult;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.DeploymentService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentQuery;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.testkit.SampleDeployments;
import io.connectstage.testkit.SimpleConnectorStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deployments run as durable work, written once and run by every store: the seed's workflow at
 * the Java level, fault injection (a failed build, a held build), two processors over one
 * database deploying 100 Deployments exactly once, no secured value in any answer, and bad input
 * answered with errors. Each store's test is a short subclass that opens stores over one shared
 * database.
 */
@DisplayName("Deployments processed as durable work")
public abstract class DeploymentProcessingContract extends ProcessorsFixture {
    // the titles of the report entries of abandoned steps, as the wire shows them
    private static final String BUILD_ABANDONED = "Build of the applications abandoned";
    private static final String UNDEPLOY_ABANDONED = "Undeployment of the applications abandoned";
    protected static final String PROJECT = "example-project-key";
    private static final List<String> SECRETS = SampleDeployments.SECRETS;

    /** Stores over this test's database: each call new store objects over the same data. */
    protected abstract Stores openStores();

    /** The stores of one server. */
    public record Stores(ConnectorStore staged, PublishedConnectorStore published, DeploymentStore deployments) {
    }

    private final DeploymentFaults faults = new DeploymentFaults();
    private final AtomicInteger ids = new AtomicInteger();

    /** The analyzer of the sample connector: four applications, global keys. */
    private static Analysis sample(Repository repository, Instant at) {
        return new Analysis(true, List.of(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION,
                "Connector specification file validation check succeeded", null, at, null)),
                SampleDeployments.configurations(), SampleDeployments.globalConfiguration(), null);
    }

    private ConnectorProcessor processor(Stores stores, String owner, Executor executor) {
        return build(builder(stores).executor(executor), owner);
    }

    private ConnectorProcessor.Builder builder(Stores stores) {
        return ConnectorProcessor.builder(stores.staged(), stores.published(), DeploymentProcessingContract::sample)
                .deployments(stores.deployments()).faults(faults);
    }

    private Supplier<String> idSource() {
        return () -> String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet());
    }

    private String nextId() {
        return String.format("00000000-0000-4000-8000-%012d", ids.get() + 1);
    }

    private static <T> T ok(Either<ErrorResponse, T> result) {
        assertTrue(result.isRight(), () -> "expected success, got " + result);
        return result.get();
    }

    private static DeploymentDraft.Builder productionDraft(String key) {
        return DeploymentDraft.builder().key(key).connectorKey("my-connector").type(DeploymentType.PRODUCTION)
                .region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", SampleDeployments.API_SECRET))
                .configuration(DeploymentConfigurationApplication.of("nightly").withStandard("BATCH_SIZE", "100")
                        .withSecured("DB_PASSWORD", SampleDeployments.DB_PASSWORD).withSchedule("0 0 * * *"))
                .globalConfiguration(SampleDeployments.validGlobal());
    }

    /** The connector service of one server, on the test's clock, woken by {@code p}. */
    private ConnectorStagedService connectors(Stores stores, ConnectorProcessor p) {
        return ConnectorStagedService.builder(stores.staged()).clock(clock).processing(p).build();
    }

    /** A Deployment service over the stores, on the test's clock and ids, not yet woken by a processor. */
    private DeploymentService.Builder deployments(Stores stores) {
        return DeploymentService.builder(stores.deployments(), stores.staged(), stores.published()).clock(clock).ids(idSource())
                .projectKey(PROJECT);
    }

    /** A Deployment service woken by {@code p}, once the connector of {@link #published} is published through {@code p}. */
    private DeploymentService deploymentsOfPublished(Stores stores, ConnectorProcessor p) {
        DeploymentService deployments = deployments(stores).processing(p).build();
        published(connectors(stores, p));
        return deployments;
    }

    /** The connector of {@link #previewable}, published (not certified), through the services. */
    private ConnectorStaged published(ConnectorStagedService connectors) {
        ConnectorStaged c = previewable(connectors);
        ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false))));
        try {
            await(() -> ok(connectors.get(ResourceRef.id(c.id()))).status() == ConnectorStatus.PUBLISHED);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return ok(connectors.get(ResourceRef.id(c.id())));
    }

    /** A previewable connector {@code my-connector} (private to the project), through the services. */
    private ConnectorStaged previewable(ConnectorStagedService connectors) {
        ConnectorStaged c = ok(connectors.create(ConnectorStagedDraft.of("My connector", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/connector.git", "1.0.0")).withKey("my-connector")));
        c = ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(),
                new ConnectorAddPrivateProjectAction("europe-west1.gcp:" + PROJECT), new ConnectorUpdatePreviewableAction())));
        String id = c.id();
        try {
            await(() -> ok(connectors.get(ResourceRef.id(id))).isPreviewable() == IsPreviewable.TRUE);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return ok(connectors.get(ResourceRef.id(id)));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("let the creator's project preview and deploy its private connector without being among its privateProjects; "
            + "add the privateProjects; refuse any other project with AuthorizationError")
    void creatorAndPrivateProjectsOnly() throws InterruptedException {
        Stores stores = openStores();
        ConnectorProcessor p = processor(stores, "a", Runnable::run);
        ConnectorStagedService connectors = connectors(stores, p);
        DeploymentService own = deployments(stores).processing(p).build();
        ConnectorStaged c = ok(connectors.create(ConnectorStagedDraft.of("My connector", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/connector.git", "1.0.0")).withKey("my-connector")));
        c = ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorUpdatePreviewableAction())));
        String id = c.id();
        await(() -> ok(connectors.get(ResourceRef.id(id))).isPreviewable() == IsPreviewable.TRUE);
        assertTrue(ok(connectors.get(ResourceRef.id(id))).privateProjects().isEmpty());

        ok(own.create(productionDraft("own-preview").type(DeploymentType.PREVIEW).stagedConnectorKey("my-connector").build()));
        c = ok(connectors.get(ResourceRef.id(id)));
        ok(connectors.update(ResourceRef.id(id), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false))));
        await(() -> ok(connectors.get(ResourceRef.id(id))).status() == ConnectorStatus.PUBLISHED);
        ok(own.create(productionDraft("own-production").build()));

        // Another project: its own (empty) staged store over the same published Connectors.
        Function<String, Option<ConnectorAccess>> recorded = connectorId -> connectorId.equals(id)
                ? Option.of(new ConnectorAccess(PROJECT, List.of("europe-west1.gcp:partner-project")))
                : Option.none();
        DeploymentService partner = DeploymentService.builder(stores.deployments(), new SimpleConnectorStore(), stores.published())
                .clock(clock).ids(idSource()).publishedAccess(recorded).projectKey("partner-project").build();
        DeploymentService stranger = DeploymentService.builder(stores.deployments(), new SimpleConnectorStore(), stores.published())
                .clock(clock).ids(idSource()).publishedAccess(recorded).projectKey("stranger-project").build();
        ok(partner.create(productionDraft("partner-production").build()));
        ErrorResponse refused = stranger.create(productionDraft("stranger").build()).getLeft();
        assertEquals(List.of(ErrorCode.AUTHORIZATION_ERROR), refused.errors().stream().map(e -> e.code()).toList());
        assertTrue(String.valueOf(refused.errors().get(0).fields().get("detailedErrorMessage"))
                .contains("project 'stranger-project' did not create it and is not among its privateProjects. The project "
                        + "that created it can add 'stranger-project' with the addPrivateProject update action."), refused::toString);
        ErrorResponse unknown = DeploymentService.builder(stores.deployments(), new SimpleConnectorStore(), stores.published())
                .projectKey("partner-project").build().create(productionDraft("unknown").build()).getLeft();
        assertEquals(ErrorCode.AUTHORIZATION_ERROR, unknown.errors().get(0).code(), "no access recorded: only the creator");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("run the seed's workflow: preview deployment, publish, production deployment, failed build, redeploy, logs, delete")
    void seedWorkflow() {
        Stores stores = openStores();
        ConnectorProcessor p = processor(stores, "a", Runnable::run);
        ConnectorStagedService connectors = connectors(stores, p);
        DeploymentService deployments = deployments(stores).processing(p).build();

        ConnectorStaged c = previewable(connectors);
        Deployment preview = ok(deployments.create(productionDraft("preview-1").type(DeploymentType.PREVIEW)
                .stagedConnectorKey("my-connector").build()));
        assertEquals(DeploymentStatus.QUEUED, preview.status());
        assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.key("preview-1"))).status());

        c = ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false))));
        assertEquals(ConnectorStatus.PUBLISHED, ok(connectors.get(ResourceRef.id(c.id()))).status());

        String id = nextId();
        faults.failNextBuild(PROJECT, ResourceRef.id(id), "service");
        Deployment production = ok(deployments.create(productionDraft("production-1").build()));
        assertEquals(id, production.id());
        Deployment failed = ok(deployments.get(ResourceRef.id(id)));
        assertEquals(DeploymentStatus.FAILED, failed.status());
        assertTrue(failed.details().build().report().entries().stream().anyMatch(e ->
                e.type() == ConnectorReportEntryType.ERROR && "service".equals(e.application())), failed::toString);

        ok(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(failed.version(), DeploymentRedeployAction.keepingValues())));
        Deployment deployed = ok(deployments.get(ResourceRef.id(id)));
        assertEquals(DeploymentStatus.DEPLOYED, deployed.status());
        assertNotNull(deployed.application("service").url());

        List<DeploymentLog> all = stores.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 10_000));
        assertTrue(all.stream().anyMatch(l -> l.severity() == DeploymentLogSeverity.ERROR));
        List<DeploymentLog> paged = new ArrayList<>();
        DeploymentLogQuery q = DeploymentLogQuery.builder().limit(3).build();
        int pages = 0;
        while (true) {
            DeploymentLogPage page = ok(deployments.logs(ResourceRef.id(id), q));
            paged.addAll(page.data());
            pages++;
            if (page.next() == null) {
                break;
            }
            q = q.withPageToken(page.next());
        }
        assertEquals(all, paged);
        assertEquals((all.size() + 2) / 3, pages);
        assertEquals(6, ok(deployments.logs(ResourceRef.key("production-1"),
                DeploymentLogQuery.builder().applicationName("service").build())).data().size(), "two builds of service");

        assertEquals(2, ok(deployments.query(DeploymentQuery.of(PROJECT))).total());
        assertEquals(List.of(id), ok(deployments.query(DeploymentQuery.of(PROJECT).withDeploymentType(DeploymentType.PRODUCTION)))
                .results().stream().map(Deployment::id).toList());

        Deployment undeploying = ok(deployments.delete(ResourceRef.id(id), deployed.version()));
        assertEquals(DeploymentStatus.UNDEPLOYING, undeploying.status());
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, deployments.get(ResourceRef.id(id)).getLeft().errors().get(0).code());
        assertEquals(List.of(), stores.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 10)));
        assertEquals(List.of(), stores.deployments().work());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("hold a build in Deploying while clients poll, finish it when released, and fail an undeploy on request")
    void holdAndRelease() throws Exception {
        Stores stores = openStores();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, "a", executor));

            String id = nextId();
            faults.hold(PROJECT, ResourceRef.id(id));
            ok(deployments.create(productionDraft("held").build()));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYING);
            for (int poll = 0; poll < 20; poll++) {
                assertEquals(DeploymentStatus.DEPLOYING, ok(deployments.get(ResourceRef.id(id))).status());
                assertEquals(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION, deployments.update(ResourceRef.id(id),
                        DeploymentUpdate.of(ok(deployments.get(ResourceRef.id(id))).version(), DeploymentRedeployAction.keepingValues()))
                        .getLeft().errors().get(0).code());
                Thread.sleep(5);
            }
            faults.release(PROJECT, ResourceRef.id(id));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYED);

            faults.failNextUndeploy(PROJECT, ResourceRef.id(id));
            ok(deployments.delete(ResourceRef.key("held"), null));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.UNDEPLOY_FAILED);
            Deployment stuck = ok(deployments.get(ResourceRef.id(id)));
            ok(deployments.delete(ResourceRef.id(id), stuck.version()));
            await(() -> deployments.get(ResourceRef.id(id)).isLeft());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("apply faults set by project and key before the Deployment exists: a failed build, a hold, a failed undeploy")
    void faultsByKey() throws Exception {
        Stores stores = openStores();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ConnectorProcessor p = processor(stores, "a", executor);
            ConnectorStagedService connectors = ConnectorStagedService.builder(stores.staged()).clock(clock).processing(p).build();
            DeploymentService deployments = DeploymentService.builder(stores.deployments(), stores.staged(), stores.published())
                    .clock(clock).ids(idSource()).projectKey(PROJECT).processing(p).build();
            ConnectorStaged c = published(connectors);
            ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(ok(connectors.get(ResourceRef.id(c.id()))).version(),
                    new ConnectorPublishAction(false))));
            await(() -> ok(connectors.get(ResourceRef.id(c.id()))).status() == ConnectorStatus.PUBLISHED);

            faults.failNextBuild("another-project", ResourceRef.key("by-key"), "service");
            faults.failNextBuild(PROJECT, ResourceRef.key("by-key"), "service").hold(PROJECT, ResourceRef.key("by-key"));
            faults.failNextUndeploy(PROJECT, ResourceRef.key("by-key"));
            String id = ok(deployments.create(productionDraft("by-key").build())).id();
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYING);
            Thread.sleep(50);
            assertEquals(DeploymentStatus.DEPLOYING, ok(deployments.get(ResourceRef.id(id))).status());
            faults.release(PROJECT, ResourceRef.key("by-key"));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.FAILED);

            ok(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(ok(deployments.get(ResourceRef.id(id))).version(),
                    DeploymentRedeployAction.keepingValues())));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYED);

            ok(deployments.delete(ResourceRef.key("by-key"), null));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.UNDEPLOY_FAILED);
            ok(deployments.delete(ResourceRef.id(id), ok(deployments.get(ResourceRef.id(id))).version()));
            await(() -> deployments.get(ResourceRef.id(id)).isLeft());
            assertFalse(faults.isHeld(PROJECT, ResourceRef.key("by-key")));
        } finally {
            executor.shutdownNow();
            faults.clear();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("clear a Deployment's faults: its held build finishes and deploys, its failed build is forgotten, another's stays")
    void clearFaults() throws Exception {
        Stores stores = openStores();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, "a", executor));

            String id = nextId();
            faults.hold(PROJECT, ResourceRef.id(id)).failNextBuild(PROJECT, ResourceRef.id(id), "service")
                    .failNextBuild(PROJECT, ResourceRef.key("cleared"), "nightly");
            faults.failNextBuild(PROJECT, ResourceRef.key("still-failing"), "service");
            ok(deployments.create(productionDraft("cleared").build()));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYING);
            Thread.sleep(50);
            assertEquals(DeploymentStatus.DEPLOYING, ok(deployments.get(ResourceRef.id(id))).status());

            faults.clear(PROJECT, ResourceRef.key("cleared")).clear(PROJECT, ResourceRef.id(id));
            await(() -> ok(deployments.get(ResourceRef.id(id))).status() == DeploymentStatus.DEPLOYED);

            String other = ok(deployments.create(productionDraft("still-failing").build())).id();
            await(() -> ok(deployments.get(ResourceRef.id(other))).status() == DeploymentStatus.FAILED);
        } finally {
            executor.shutdownNow();
            faults.clear();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    @DisplayName("deploy 100 Deployments exactly once with two processors over one database")
    void deployExactlyOnce() throws Exception {
        Stores first = openStores();
        Stores second = openStores();
        ConnectorProcessor setup = processor(first, "setup", Runnable::run);
        published(connectors(first, setup));
        setup.close();
        DeploymentService deployments = deployments(first).build();
        List<String> created = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            created.add(ok(deployments.create(productionDraft("d" + n).build())).id());
        }
        assertEquals(100, first.deployments().work().size());

        ConnectorProcessor a = processor(first, "a", Runnable::run);
        ConnectorProcessor b = processor(second, "b", Runnable::run);
        Runs runs = runTogether(a, b, 150);
        System.out.printf("100 deployments, 200 steps: %d done by one processor, %d by the other%n", runs.byA(), runs.byB());
        assertEquals(200, runs.total(), "each step claimed once (deploy and build of each)");
        assertEquals(List.of(), first.deployments().work());
        for (String id : created) {
            Deployment d = second.deployments().findById(PROJECT, id).get();
            assertEquals(DeploymentStatus.DEPLOYED, d.status());
            assertEquals(3, d.version(), "one version bump per step");
            List<DeploymentLog> logs = second.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 1000));
            assertEquals(4 * 3, logs.size(), "one start line and two build lines per application, once");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("never show a secured value: in no response, log line or error")
    void noSecretShows() {
        Stores stores = openStores();
        ConnectorProcessor p = processor(stores, "a", Runnable::run);
        DeploymentService deployments = deployments(stores).processing(p).build();
        published(connectors(stores, p));
        List<Object> answers = new ArrayList<>();
        String id = nextId();
        faults.failNextBuild(PROJECT, ResourceRef.id(id), "service");
        answers.add(deployments.create(productionDraft("secret-test").build()));
        assertTrue(((Either<?, ?>) answers.get(0)).isRight(), () -> answers.get(0).toString());
        answers.add(deployments.get(ResourceRef.id(id)));
        answers.add(deployments.query(DeploymentQuery.of(PROJECT)));
        answers.add(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(99, DeploymentRedeployAction.keepingValues())));
        answers.add(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(ok(deployments.get(ResourceRef.id(id))).version(),
                new DeploymentRedeployAction(null, List.of(DeploymentConfigurationApplication.of("service")
                        .withSecured("NOT_A_KEY", SampleDeployments.API_SECRET)), null, null))));
        answers.add(deployments.create(productionDraft("secret-test").build()));
        answers.add(deployments.create(productionDraft("other-test").configuration(
                DeploymentConfigurationApplication.of("nightly").withSecured("UNKNOWN", SampleDeployments.DB_PASSWORD)).build()));
        answers.add(deployments.logs(ResourceRef.id(id), DeploymentLogQuery.builder().limit(500).build()));
        answers.add(deployments.delete(ResourceRef.id(id), null));
        assertTrue(answers.get(3) instanceof Either<?, ?> e && e.isLeft());
        for (Object answer : answers) {
            Either<?, ?> e = (Either<?, ?>) answer;
            String text = e.isLeft() ? ConnectJson.write(e.getLeft()) + e.getLeft() : DeploymentJson.write(e.get());
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), () -> "secret in " + text);
            }
        }
        for (Object answer : answers) {
            String text = String.valueOf(((Either<?, ?>) answer).isLeft() ? ((Either<?, ?>) answer).getLeft() : "");
            SECRETS.forEach(s -> assertFalse(text.contains(s), text));
        }
    }

    @Test
    @DisplayName("refuse a production Deployment into a project whose production deployments are deactivated")
    void productionDeactivated() {
        Stores stores = openStores();
        ConnectorProcessor p = processor(stores, "a", Runnable::run);
        published(connectors(stores, p));
        Set<String> deactivated = ConcurrentHashMap.newKeySet();
        DeploymentService deployments = deployments(stores).processing(p).productionDeactivated(deactivated::contains).build();
        Deployment before = ok(deployments.create(productionDraft("before").build()));
        deactivated.add(PROJECT);

        ErrorResponse refused = deployments.create(productionDraft("production").build()).getLeft();
        assertEquals(List.of(ErrorCode.DEPLOYMENT_PRODUCTION_DEACTIVATED), refused.errors().stream().map(e -> e.code()).toList());
        assertEquals("Deployments to production are disabled for this Project. Please contact support to enable production "
                + "deployments.", refused.errors().get(0).message());
        assertEquals(400, refused.statusCode());
        List<ErrorCode> withOthers = deployments.create(productionDraft("production")
                .configuration(DeploymentConfigurationApplication.of("no-such-application")).build()).getLeft().errors().stream().map(e -> e.code()).toList();
        assertEquals(ErrorCode.DEPLOYMENT_PRODUCTION_DEACTIVATED, withOthers.get(0));
        assertTrue(withOthers.size() > 1, withOthers::toString);

        assertEquals(DeploymentType.SANDBOX, ok(deployments.create(productionDraft("sandbox")
                .type(DeploymentType.SANDBOX).build())).type());
        assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.id(before.id()))).status(), "made before: untouched");
        ok(deployments.update(ResourceRef.id(before.id()), DeploymentUpdate.of(ok(deployments.get(ResourceRef.id(before.id()))).version(),
                DeploymentRedeployAction.keepingValues())));
        assertEquals(2, ok(deployments.query(DeploymentQuery.of(PROJECT))).total());
    }

    @Nested
    @DisplayName("give up a step started more than maxAttempts times")
    class MaxAttempts {
        private static final int MAX_ATTEMPTS = 2;

        private Stores stores;
        private DeploymentService deployments;

        /** A published connector and a service over the stores that leaves every step to the test. */
        @BeforeEach
        void publishedConnector() {
            stores = openStores();
            ConnectorProcessor setup = processor(stores, "setup", Runnable::run);
            published(connectors(stores, setup));
            setup.close();
            deployments = deployments(stores).build();
        }

        private ConnectorProcessor bounded(String owner) {
            return build(builder(stores).executor(Runnable::run).maxAttempts(MAX_ATTEMPTS), owner);
        }

        /** A processor that claims the next step and dies: its lease runs out. */
        private void crash() {
            assertTrue(stores.deployments().claim("crashed", clock.instant(), clock.instant().plus(LEASE)).isDefined());
            clock.advance(LEASE);
        }

        private void assertAbandoned(Deployment d, DeploymentStatus status, String title, String step) {
            assertEquals(status, d.status());
            ConnectorReportEntry last = d.details().build().report().entries().stream()
                    .filter(e -> title.equals(e.title())).findFirst().orElseThrow(() -> new AssertionError(d.toString()));
            assertEquals(ConnectorReportEntryType.ERROR, last.type());
            assertEquals("The " + step + " step was started " + MAX_ATTEMPTS + " times and never finished.", last.message());
            List<DeploymentLog> logs = stores.deployments().logs(d.id(), new DeploymentLogRange(null, null, 0, null, 1000));
            for (String app : List.of("service", "events", "nightly", "mc-app")) {
                assertTrue(logs.stream().anyMatch(l -> app.equals(l.applicationName()) && l.severity() == DeploymentLogSeverity.ERROR
                        && String.valueOf(l.details()).contains("never finished")), () -> app + ": " + logs);
            }
            assertEquals(List.of(), stores.deployments().work());
        }

        @Test
        @DisplayName("a deploy whose claims all ran out ends Failed with an entry and log lines saying why")
        void deployEndsFailed() {
            Deployment queued = ok(deployments.create(productionDraft("crashing").build()));
            crash();
            crash();
            assertEquals(1, bounded("a").runClaimable());
            Deployment failed = ok(deployments.get(ResourceRef.id(queued.id())));
            assertAbandoned(failed, DeploymentStatus.FAILED, BUILD_ABANDONED, "deploy");
            assertEquals(queued.version() + 1, failed.version());
        }

        /**
         * A held Deployment whose build {@code holder} has claimed {@code claims} times, its lease
         * running out each time: it stays {@code Deploying}.
         */
        private String heldAndClaimed(ConnectorProcessor holder, int claims) {
            String id = nextId();
            faults.hold(PROJECT, ResourceRef.id(id));
            ok(deployments.create(productionDraft("held").build()));
            assertEquals(2, holder.runClaimable(), "deploy, then the build is parked");
            for (int claim = 2; claim <= claims; claim++) {
                clock.advance(LEASE);
                assertEquals(1, holder.runClaimable(), "parked again");
                assertEquals(DeploymentStatus.DEPLOYING, ok(deployments.get(ResourceRef.id(id))).status());
            }
            return id;
        }

        @Test
        @DisplayName("a build whose claims all ran out ends Failed; while held it waits however often it is claimed")
        void buildEndsFailed() {
            ConnectorProcessor holder = bounded("holder");
            String id = heldAndClaimed(holder, MAX_ATTEMPTS + 1);
            holder.close();
            faults.release(PROJECT, ResourceRef.id(id)); // no processor alive parked it: the claim runs out
            clock.advance(LEASE);
            assertEquals(1, bounded("b").runClaimable());
            assertAbandoned(ok(deployments.get(ResourceRef.id(id))), DeploymentStatus.FAILED, BUILD_ABANDONED,
                    "build");
        }

        @Test
        @DisplayName("a held build's claim is renewed while it waits: no other processor takes it over, and its release finishes it")
        void heldBuildKeepsItsRenewedClaim() {
            ConnectorProcessor holder = bounded("holder");
            String id = heldAndClaimed(holder, 1);
            ConnectorProcessor other = bounded("other");
            for (int i = 1; i <= 3; i++) {
                clock.advance(LEASE.dividedBy(2));
                holder.renewLeases();
                assertEquals(0, other.runClaimable(), "still the holder's after " + i + " half leases");
            }
            faults.release(PROJECT, ResourceRef.id(id));
            assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.id(id))).status());
            assertEquals(List.of(), stores.deployments().work());
        }

        @Test
        @DisplayName("a held build released after more than maxAttempts claims finishes Deployed")
        void releasedBuildFinishes() {
            String id = heldAndClaimed(bounded("holder"), MAX_ATTEMPTS + 2);
            faults.release(PROJECT, ResourceRef.id(id));
            assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.id(id))).status());
            assertEquals(List.of(), stores.deployments().work());
        }

        @Test
        @DisplayName("an undeploy whose claims all ran out ends UndeployFailed, from which it can be deleted again")
        void undeployEndsUndeployFailed() {
            Deployment d = ok(deployments.create(productionDraft("stuck").build()));
            ConnectorProcessor p = bounded("a");
            assertEquals(2, p.runClaimable());
            ok(deployments.delete(ResourceRef.id(d.id()), null));
            crash();
            crash();
            assertEquals(1, p.runClaimable());
            assertAbandoned(ok(deployments.get(ResourceRef.id(d.id()))), DeploymentStatus.UNDEPLOY_FAILED,
                    UNDEPLOY_ABANDONED, "undeploy");
            ok(deployments.delete(ResourceRef.id(d.id()), null));
            assertEquals(1, p.runClaimable());
            assertTrue(deployments.get(ResourceRef.id(d.id())).isLeft());
        }
    }

    @Nested
    @DisplayName("run each Deployment's applications on exactly one processor, under the lease of its run")
    class RunLease {
        private final String url = "http://127.0.0.1:8080/.connectstage/apps/";

        private RecordingDeploymentRunner runner() {
            return runner(d -> true);
        }

        /** A runner whose start succeeds when {@code succeeds} says so, with a URL for the service. */
        private RecordingDeploymentRunner runner(java.util.function.Predicate<Deployment> succeeds) {
            return new RecordingDeploymentRunner(Option.none(), d -> succeeds.test(d)
                    ? new RunResult(true, List.of(), java.util.Map.of("service", url + d.id() + "/service"))
                    : new RunResult(false, List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR,
                            "Start of application service failed", "port 8080 in use", clock.instant(), "service")),
                            java.util.Map.of()),
                    d -> List.of());
        }

        private final List<ConnectorProcessor> runningProcessors = new ArrayList<>();

        private ConnectorProcessor running(Stores stores, String owner, RecordingDeploymentRunner runner) {
            ConnectorProcessor p = build(builder(stores).executor(Runnable::run).runner(runner), owner);
            runningProcessors.add(p);
            return p;
        }

        /** Closed while their database is open: closing gives up their runs, a write. */
        @AfterEach
        void closeRunningProcessors() {
            runningProcessors.forEach(ConnectorProcessor::close);
        }

        /** The one run item of the store: who holds it, until when. */
        private io.connectstage.store.Work run(Stores stores) {
            List<io.connectstage.store.Work> runs = stores.deployments().work().stream()
                    .filter(w -> w.kind() == io.connectstage.store.WorkKind.RUN).toList();
            assertEquals(1, runs.size(), runs::toString);
            return runs.get(0);
        }

        private List<String> texts(Stores stores, String id) {
            return stores.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 1000)).stream()
                    .map(l -> l.details() == null ? "" : l.details().path("message").asText()).toList();
        }

        private Deployment redeploy(DeploymentService deployments, String id) {
            ok(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(ok(deployments.get(ResourceRef.id(id))).version(),
                    DeploymentRedeployAction.keepingValues())));
            return ok(deployments.get(ResourceRef.id(id)));
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("the processor that built holds the run; closed, it stops its applications and gives the run up, "
                + "and another processor starts them again at once")
        void closedHolderIsTakenOver() {
            Stores first = openStores();
            Stores second = openStores();
            RecordingDeploymentRunner runnerA = runner();
            RecordingDeploymentRunner runnerB = runner();
            ConnectorProcessor a = running(first, "a", runnerA);
            ConnectorProcessor b = running(second, "b", runnerB);
            DeploymentService deployments = deploymentsOfPublished(first, a);
            String id = nextId();
            Deployment deployed = ok(deployments.create(productionDraft("run").build()));
            deployed = ok(deployments.get(ResourceRef.id(id)));
            assertEquals(DeploymentStatus.DEPLOYED, deployed.status());
            assertEquals("a", run(first).lease().owner());
            assertEquals(deployed.version(), run(first).connectorVersion());
            assertEquals(0, b.runClaimable(), "held by a");
            a.renewLeases();
            assertEquals(List.of(), runnerA.stops, "a renewal of a Deployed run stops nothing");

            a.close();

            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runnerA.stops);
            assertEquals(1, b.runClaimable(), "given up: claimable at once, before its lease would have ended");
            assertEquals(1, runnerB.starts.size());
            assertEquals(deployed, runnerB.starts.get(0).deployment());
            assertFalse(runnerB.starts.get(0).postDeploy(), "started again, not deployed: no postDeploy");
            assertEquals("b", run(second).lease().owner());
            assertEquals(deployed, ok(deployments.get(ResourceRef.id(id))), "the Deployment itself does not change");
            assertTrue(texts(second, id).contains("Application service started again by b (the server that ran it stopped)"),
                    () -> texts(second, id).toString());
            b.renewLeases();
            assertEquals(List.of(), runnerB.stops);
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a run whose holder died is taken over once its lease ends")
        void deadHolderIsTakenOverAfterItsLease() {
            Stores first = openStores();
            Stores second = openStores();
            ConnectorProcessor a = running(first, "a", runner());
            RecordingDeploymentRunner runnerB = runner();
            ConnectorProcessor b = running(second, "b", runnerB);
            DeploymentService deployments = deploymentsOfPublished(first, a);
            String id = ok(deployments.create(productionDraft("run").build())).id();
            // a dies: it neither renews nor gives up its claim
            clock.advance(LEASE.minusSeconds(1));
            assertEquals(0, b.runClaimable(), "still a's");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, b.runClaimable());
            assertEquals(List.of(id), runnerB.starts.stream().map(s -> s.deployment().id()).toList());
            assertEquals("b", run(second).lease().owner());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a redeploy built by another processor replaces the run: the old holder stops its applications, the new one keeps them")
        void redeployElsewhereStopsTheOldHolder() {
            Stores first = openStores();
            Stores second = openStores();
            RecordingDeploymentRunner runnerA = runner();
            RecordingDeploymentRunner runnerB = runner();
            ConnectorProcessor a = running(first, "a", runnerA);
            ConnectorProcessor b = running(second, "b", runnerB);
            String id = ok(deploymentsOfPublished(first, a).create(productionDraft("run").build())).id();

            Deployment redeployed = redeploy(deployments(second).processing(b).build(), id);

            assertEquals(DeploymentStatus.DEPLOYED, redeployed.status());
            assertEquals(1, runnerB.starts.size());
            assertEquals("b", run(second).lease().owner());
            assertEquals(redeployed.version(), run(second).connectorVersion());
            assertEquals(List.of(), runnerA.stops, "nothing noticed before a's renewal");
            a.renewLeases();
            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runnerA.stops);
            b.renewLeases();
            a.renewLeases();
            assertEquals(List.of(), runnerB.stops);
            assertEquals(1, runnerA.stops.size(), "stopped once");
            assertEquals("b", run(first).lease().owner());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a redeploy built by the holder replaces its claim and its applications, and stops nothing")
        void redeployOnTheHolderStopsNothing() {
            Stores stores = openStores();
            RecordingDeploymentRunner runnerA = runner();
            ConnectorProcessor a = running(stores, "a", runnerA);
            DeploymentService deployments = deploymentsOfPublished(stores, a);
            String id = ok(deployments.create(productionDraft("run").build())).id();

            Deployment redeployed = redeploy(deployments, id);
            a.renewLeases();

            assertEquals(DeploymentStatus.DEPLOYED, redeployed.status());
            assertEquals(2, runnerA.starts.size());
            assertEquals(List.of(), runnerA.stops);
            assertEquals(redeployed.version(), run(stores).connectorVersion());
            assertEquals("a", run(stores).lease().owner());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("an undeploy done by another processor: the holder stops its applications")
        void undeployElsewhereStopsTheHolder() {
            Stores first = openStores();
            Stores second = openStores();
            RecordingDeploymentRunner runnerA = runner();
            RecordingDeploymentRunner runnerB = runner();
            ConnectorProcessor a = running(first, "a", runnerA);
            ConnectorProcessor b = running(second, "b", runnerB);
            String id = ok(deploymentsOfPublished(first, a).create(productionDraft("run").build())).id();

            ok(deployments(second).processing(b).build().delete(ResourceRef.id(id), null));

            assertTrue(second.deployments().findById(PROJECT, id).isEmpty());
            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, true)), runnerB.stops, "nothing ran there");
            a.renewLeases();
            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runnerA.stops);
            assertEquals(List.of(), first.deployments().work());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a redeploy that fails elsewhere: the holder stops its applications once it finds the Deployment Failed")
        void failedRedeployElsewhereStopsTheHolder() {
            Stores first = openStores();
            Stores second = openStores();
            RecordingDeploymentRunner runnerA = runner();
            ConnectorProcessor a = running(first, "a", runnerA);
            ConnectorProcessor b = running(second, "b", runner(d -> false));
            String id = ok(deploymentsOfPublished(first, a).create(productionDraft("run").build())).id();

            assertEquals(DeploymentStatus.FAILED, redeploy(deployments(second).processing(b).build(), id).status());
            a.renewLeases();

            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runnerA.stops);
            assertEquals(List.of(), first.deployments().work());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a start that fails when taking over is logged with why, and the run completed")
        void failedTakeOverCompletes() {
            Stores first = openStores();
            Stores second = openStores();
            ConnectorProcessor a = running(first, "a", runner());
            RecordingDeploymentRunner runnerB = runner(d -> false);
            ConnectorProcessor b = running(second, "b", runnerB);
            String id = ok(deploymentsOfPublished(first, a).create(productionDraft("run").build())).id();
            a.close();

            assertEquals(1, b.runClaimable());

            assertEquals(1, runnerB.starts.size());
            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runnerB.stops, "what it started is stopped");
            assertEquals(List.of(), second.deployments().work());
            assertTrue(texts(second, id).contains("Application service could not be started again by b: "
                    + "Start of application service failed: port 8080 in use"), () -> texts(second, id).toString());
            assertEquals(DeploymentStatus.DEPLOYED, second.deployments().findById(PROJECT, id).get().status());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a processor without a runner never claims a run, even once its lease ended")
        void noRunnerNeverClaimsARun() {
            Stores first = openStores();
            Stores second = openStores();
            ConnectorProcessor a = running(first, "a", runner());
            String id = ok(deploymentsOfPublished(first, a).create(productionDraft("run").build())).id();
            a.close();
            ConnectorProcessor plain = processor(second, "plain", Runnable::run);

            clock.advance(LEASE);
            assertEquals(0, plain.runClaimable());
            assertEquals("a", run(second).lease().owner());
            assertEquals(1, run(second).attempts(), "not even counted");

            RecordingDeploymentRunner runnerB = runner();
            assertEquals(1, running(second, "b", runnerB).runClaimable());
            assertEquals(List.of(id), runnerB.starts.stream().map(s -> s.deployment().id()).toList());
        }
    }

    @Test
    @DisplayName("refuse a Deployment of a connector whose first publish is still Processing, saying so")
    void refusesAConnectorStillProcessing() {
        Stores stores = openStores();
        // no processor: the publish request waits in the store, the connector stays Processing
        ConnectorStagedService connectors = ConnectorStagedService.builder(stores.staged()).clock(clock).build();
        ConnectorStaged c = ok(connectors.create(ConnectorStagedDraft.of("My connector", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/connector.git", "1.0.0")).withKey("my-connector")));
        c = ok(connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false))));
        assertEquals(ConnectorStatus.PROCESSING, c.status());

        ErrorResponse refused = deployments(stores).build().create(productionDraft("too-early").build()).getLeft();

        assertEquals(List.of(ErrorCode.CONNECTOR_REFERENCE_NOT_FOUND), refused.errors().stream().map(e -> e.code()).toList());
        assertEquals("Connector 'my-connector' with version latest not found", refused.message());
        assertEquals("The Connector 'my-connector' is not published yet: its publish request is still being processed "
                + "(status Processing). Deploy it once the ConnectorStaged is Published, or deploy the ConnectorStaged as a "
                + "preview.", refused.errors().get(0).detailedErrorMessage());
        ErrorResponse unknown = deployments(stores).build().create(productionDraft("unknown").connectorKey("no-such-connector")
                .build()).getLeft();
        assertEquals(null, unknown.errors().get(0).detailedErrorMessage(), "a connector that does not exist has no cause to name");
    }

    @Test
    @DisplayName("answer bad input, nulls included, with errors and change nothing")
    void badInput() {
        Stores stores = openStores();
        DeploymentService deployments = deployments(stores).build();
        List<Either<ErrorResponse, ?>> answers = List.of(
                deployments.create(null),
                deployments.create(DeploymentDraft.builder().build()),
                deployments.create(productionDraft("x").build()),
                deployments.get(null),
                deployments.get(ResourceRef.key("x")),
                deployments.query(null),
                deployments.query(DeploymentQuery.of(PROJECT).withLimit(-1)),
                deployments.query(DeploymentQuery.of("another-project")),
                deployments.update(ResourceRef.id("nope"), null),
                deployments.update(null, null),
                deployments.delete(null, null),
                deployments.logs(null, null),
                deployments.logs(ResourceRef.key("nope"), DeploymentLogQuery.builder().startDate("yesterday").build()));
        for (Either<ErrorResponse, ?> answer : answers) {
            assertTrue(answer.isLeft(), answer::toString);
            assertFalse(answer.getLeft().errors().isEmpty());
        }
        assertEquals(0, stores.deployments().query(DeploymentQuery.of(PROJECT)).total());
        assertEquals(List.of(), stores.deployments().work());
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not reached in 60 s");
            }
            Thread.sleep(2);
        }
    }


    @Nested
    @DisplayName("run the applications with a DeploymentRunner")
    class WithARunner {
        private final String url = "http://127.0.0.1:8080/.connectstage/apps/";

        private ConnectorProcessor processor(Stores stores, RecordingDeploymentRunner runner) {
            return build(builder(stores).executor(Runnable::run).runner(runner), "a");
        }

        private DeploymentLog line(Deployment d, String text) {
            return DeploymentLog.text(d.id(), "service", DeploymentLogSeverity.INFO, clock.instant(), text);
        }

        private List<String> texts(Stores stores, String id) {
            return stores.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 1000)).stream()
                    .map(l -> l.details() == null ? "" : l.details().path("message").asText()).toList();
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("the build step starts the applications and settles Deployed with the runner's URLs; "
                + "what the runner prints reaches the Deployment's logs")
        void deployedWithTheRunnersUrls() {
            Stores stores = openStores();
            RecordingDeploymentRunner runner = new RecordingDeploymentRunner(Option.none(),
                    d -> new RunResult(true, List.of(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION,
                            "Build of application service succeeded", null, clock.instant(), "service")),
                            java.util.Map.of("service", url + d.id() + "/service")),
                    d -> List.of(line(d, "Listening on port 40001")));
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, runner));
            String id = nextId();
            ok(deployments.create(productionDraft("run").build()));

            Deployment d = ok(deployments.get(ResourceRef.id(id)));
            assertEquals(DeploymentStatus.DEPLOYED, d.status());
            assertEquals(url + id + "/service", d.application("service").url());
            assertEquals(1, runner.starts.size());
            assertEquals(PROJECT, runner.starts.get(0).projectKey());
            assertEquals(DeploymentStatus.DEPLOYING, runner.starts.get(0).deployment().status());
            assertTrue(texts(stores, id).contains("Listening on port 40001"), () -> texts(stores, id).toString());
            assertTrue(d.details().build().report().entries().stream().map(ConnectorReportEntry::title).toList()
                    .contains("Build of application service succeeded"), d::toString);
            assertEquals(List.of(), runner.stops);
            assertTrue(runner.starts.get(0).postDeploy(), "a deployment runs postDeploy");
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a redeploy with skipScripts starts the applications without postDeploy; one without it runs it again")
        void aRedeployWithSkipScriptsRunsNoPostDeploy() {
            Stores stores = openStores();
            RecordingDeploymentRunner runner = new RecordingDeploymentRunner(Option.none(),
                    d -> new RunResult(true, List.of(), java.util.Map.of("service", url + d.id() + "/service")),
                    d -> List.of());
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, runner));
            String id = nextId();
            ok(deployments.create(productionDraft("skips").build()));
            long version = ok(deployments.get(ResourceRef.id(id))).version();
            ok(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(version,
                    new DeploymentRedeployAction(true, null, null, null))));
            version = ok(deployments.get(ResourceRef.id(id))).version();
            ok(deployments.update(ResourceRef.id(id), DeploymentUpdate.of(version, DeploymentRedeployAction.keepingValues())));

            assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.id(id))).status());
            assertEquals(List.of(true, false, true), runner.starts.stream().map(RecordingDeploymentRunner.Start::postDeploy).toList());
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a run that fails settles Failed with the runner's entries, and what it started is stopped")
        void failedWithTheRunnersEntries() {
            Stores stores = openStores();
            RecordingDeploymentRunner runner = new RecordingDeploymentRunner(Option.none(),
                    d -> new RunResult(false, List.of(new ConnectorReportEntry(ConnectorReportEntryType.ERROR,
                            "Build of application service failed", "npm ERR! missing script: build", clock.instant(), "service")),
                            java.util.Map.of()),
                    d -> List.of(line(d, "npm ERR! missing script: build")));
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, runner));
            String id = nextId();
            ok(deployments.create(productionDraft("run-fails").build()));

            Deployment d = ok(deployments.get(ResourceRef.id(id)));
            assertEquals(DeploymentStatus.FAILED, d.status());
            ConnectorReportEntry entry = d.details().build().report().entries().stream()
                    .filter(e -> e.type() == ConnectorReportEntryType.ERROR).findFirst().orElseThrow(() -> new AssertionError(d));
            assertEquals("Build of application service failed", entry.title());
            assertEquals("npm ERR! missing script: build", entry.message());
            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, false)), runner.stops);
            assertTrue(texts(stores, id).contains("npm ERR! missing script: build"));
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("a refused Deployment deploys as without a runner, a NOTICE line per application saying it was not run and why")
        void refusedDeploysWithoutRunning() {
            Stores stores = openStores();
            RecordingDeploymentRunner runner = new RecordingDeploymentRunner(
                    Option.of("its repository is neither mirrored nor allowed"),
                    d -> {
                        throw new AssertionError("a refused Deployment was started");
                    },
                    d -> List.of());
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, runner));
            String id = nextId();
            ok(deployments.create(productionDraft("refused").build()));

            assertEquals(DeploymentStatus.DEPLOYED, ok(deployments.get(ResourceRef.id(id))).status());
            List<DeploymentLog> notices = stores.deployments().logs(id, new DeploymentLogRange(null, null, 0, null, 1000))
                    .stream().filter(l -> l.severity() == DeploymentLogSeverity.NOTICE
                            && l.details().path("message").asText().contains("was not run")).toList();
            assertEquals(4, notices.size(), notices::toString);
            assertTrue(notices.stream().anyMatch(l -> l.details().path("message").asText()
                    .equals("Application service was not run: its repository is neither mirrored nor allowed")), notices::toString);
            assertEquals(List.of(), runner.starts);
        }

        @Test
        @Timeout(value = 120, unit = TimeUnit.SECONDS)
        @DisplayName("undeploy stops the applications as undeploying (preUndeploy runs) while the Deployment still exists")
        void undeployStops() {
            Stores stores = openStores();
            RecordingDeploymentRunner runner = new RecordingDeploymentRunner(Option.none(),
                    d -> new RunResult(true, List.of(), java.util.Map.of("service", url + d.id() + "/service")),
                    d -> List.of());
            DeploymentService deployments = deploymentsOfPublished(stores, processor(stores, runner));
            String id = nextId();
            ok(deployments.create(productionDraft("undeployed").build()));
            List<Boolean> existed = new CopyOnWriteArrayList<>();
            runner.onStop(() -> existed.add(stores.deployments().findById(PROJECT, id).isDefined()));

            ok(deployments.delete(ResourceRef.id(id), null));

            assertEquals(List.of(new RecordingDeploymentRunner.Stop(id, true)), runner.stops);
            assertEquals(List.of(true), existed);
            assertTrue(deployments.get(ResourceRef.id(id)).isLeft());
        }
    }
}
