package io.connectstage.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.connectstage.action.ConnectorAddPrivateProjectAction;
import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdatePreviewableAction;
import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStagedDraft;
import io.connectstage.connector.Creator;
import io.connectstage.connector.Region;
import io.connectstage.connector.Repository;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentConfigurationApplication;
import io.connectstage.deployment.DeploymentDraft;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogPage;
import io.connectstage.deployment.DeploymentLogQuery;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.deployment.DeploymentType;
import io.connectstage.processing.Analysis;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.resource.ResourceRef;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.DeploymentService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcConnectorStore;
import io.connectstage.store.jdbc.JdbcDeploymentStore;
import io.connectstage.store.jdbc.JdbcPublishedConnectorStore;
import io.connectstage.store.jdbc.JdbcStores;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deployments: {@code createToDeployed} creates a Deployment of a published connector with two
 * applications and runs its steps through the processor on the caller's thread (deploy, build)
 * until it is {@code Deployed}; {@code createOnly} (the baseline) stores the same create and its
 * work without processing. Both then remove the Deployment through the store, so that the stores
 * do not grow. {@code logsPage} reads a page of 20 log entries half-way into 100,000
 * (by cursor), {@code logsFirstPage} the first 20.
 *
 * <pre>{@code
 * java -jar connect-bench/target/benchmarks.jar DeploymentBenchmark -f 1 -wi 2 -i 3 -bm avgt -tu us
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DeploymentBenchmark {
    private static final String PROJECT = "bench-project";
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final int LOGS = 100_000;

    /** {@code memory}: the memory stores; {@code h2}: the JDBC stores on H2 in memory. */
    @Param({"memory", "h2"})
    public String store;

    private HikariDataSource pool;
    private ConnectorStore staged;
    private PublishedConnectorStore published;
    private DeploymentStore deployments;
    private ConnectorProcessor processor;
    private DeploymentService processing;
    private DeploymentService storing;
    private DeploymentDraft draft;
    private String logged;
    private DeploymentLogQuery deep;

    @Setup(Level.Trial)
    public void setUp() {
        if (store.equals("memory")) {
            staged = new InMemoryConnectorStore();
            published = new InMemoryPublishedConnectorStore();
            deployments = new InMemoryDeploymentStore();
        } else {
            pool = JdbcStores.h2InMemory("deployment-bench-" + UUID.randomUUID());
            staged = new JdbcConnectorStore(pool);
            published = new JdbcPublishedConnectorStore(pool);
            deployments = new JdbcDeploymentStore(pool);
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        processor = ConnectorProcessor.builder(staged, published, (repository, at) -> new Analysis(true, List.of(),
                        configurations(), null, null))
                .executor(Runnable::run).clock(clock).deployments(deployments).build();
        ConnectorStagedService connectors = ConnectorStagedService.builder(staged).clock(clock).processing(processor).build();
        ConnectorStaged c = connectors.create(ConnectorStagedDraft.of("Bench connector", Creator.ofEmail("a@example.com"),
                new Repository("git@github.com:acme/bench.git", "1.0.0")).withKey("bench-connector")).get();
        c = connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(),
                new ConnectorAddPrivateProjectAction("europe-west1.gcp:" + PROJECT), new ConnectorUpdatePreviewableAction())).get();
        c = connectors.get(ResourceRef.id(c.id())).get();
        connectors.update(ResourceRef.id(c.id()), ConnectorUpdate.of(c.version(), new ConnectorPublishAction(false))).get();
        processing = DeploymentService.builder(deployments, staged, published).clock(clock).projectKey(PROJECT).processing(processor).build();
        storing = DeploymentService.builder(deployments, staged, published).clock(clock).projectKey(PROJECT).build();
        draft = DeploymentDraft.builder().connectorKey("bench-connector").type(DeploymentType.PRODUCTION)
                .region(Region.EUROPE_WEST1_GCP)
                .configuration(DeploymentConfigurationApplication.of("service").withSecured("API_SECRET", "secret"))
                .build();

        Deployment d = storing.create(draft).get();
        logged = d.id();
        List<DeploymentLog> batch = new ArrayList<>();
        Instant start = NOW.minusSeconds(LOGS);
        for (int i = 0; i < LOGS; i++) {
            batch.add(DeploymentLog.text(logged, i % 2 == 0 ? "service" : "events", DeploymentLogSeverity.INFO,
                    start.plusSeconds(i), "line " + i));
            if (batch.size() == 5_000) {
                append(batch);
                batch.clear();
            }
        }
        DeploymentLogQuery q = DeploymentLogQuery.builder().limit(500).build();
        for (int page = 0; page < LOGS / 2 / 500; page++) {
            q = q.withPageToken(processing.logs(ResourceRef.id(logged), q).get().next());
        }
        deep = new DeploymentLogQuery(q.pageToken(), null, null, null, 20);
    }

    private void append(List<DeploymentLog> batch) {
        Deployment current = deployments.findById(PROJECT, logged).get();
        deployments.replace(PROJECT, current.withVersion(current.version() + 1), current.version(),
                DeploymentWrite.NONE.logging(batch));
    }

    private static List<ConnectorConfigurationApplication> configurations() {
        return List.of(
                new ConnectorConfigurationApplication("service", ApplicationType.SERVICE,
                        List.of(new StandardConfigurationKey("API_URL", "the API", true, "https://api.example.com")),
                        List.of(new SecuredConfigurationKey("API_SECRET", "the API secret", true))),
                new ConnectorConfigurationApplication("events", ApplicationType.EVENT,
                        List.of(new StandardConfigurationKey("TOPIC_PREFIX", "prefix", false, "ct")), List.of()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        processor.close();
        if (pool != null) {
            pool.close();
        }
    }

    @Benchmark
    public Deployment createToDeployed() {
        Deployment d = processing.create(draft).get();
        Deployment done = deployments.findById(PROJECT, d.id()).get();
        if (done.status() != DeploymentStatus.DEPLOYED) {
            throw new IllegalStateException("not deployed: " + done.status());
        }
        return deployments.delete(PROJECT, done.id(), done.version(), null).get();
    }

    @Benchmark
    public Deployment createOnly() {
        Deployment d = storing.create(draft).get();
        return deployments.delete(PROJECT, d.id(), d.version(), null).get();
    }

    @Benchmark
    public DeploymentLogPage logsPage() {
        return processing.logs(ResourceRef.id(logged), deep).get();
    }

    @Benchmark
    public DeploymentLogPage logsFirstPage() {
        return processing.logs(ResourceRef.id(logged), DeploymentLogQuery.firstPage()).get();
    }
}
