package io.connectstage.http;

import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.service.DeploymentService;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.PublishedConnectorService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Project spaces with stores of their own per project: the memory stores by default, or any
 * stores a function makes for a project key. With an analyzer, processing is wired: previews and
 * publishes settle in the background.
 *
 * <pre>{@code
 * ProjectSpaces spaces = PerProjectSpaces.builder()
 *         .analyzer(new SpecAnalyzer(GitRepositorySource.builder().build()))
 *         .build();
 * }</pre>
 */
public final class PerProjectSpaces implements ProjectSpaces {
    private final Builder builder;
    private final Map<String, ProjectSpace> spaces = new ConcurrentHashMap<>();

    private PerProjectSpaces(Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ProjectSpace of(String projectKey) {
        return spaces.computeIfAbsent(projectKey, this::create);
    }

    private ProjectSpace create(String projectKey) {
        Stores stores = builder.stores.apply(projectKey);
        ConnectorStagedService.Builder service = ConnectorStagedService.builder(stores.staged())
                .clock(builder.clock).projectKey(projectKey);
        ConnectorProcessor processor = null;
        if (builder.analyzer != null) {
            ConnectorProcessor.Builder p = ConnectorProcessor.builder(stores.staged(), stores.published(), builder.analyzer)
                    .clock(builder.clock).deployments(stores.deployments()).faults(builder.faults);
            if (builder.executor != null) {
                p.executor(builder.executor);
            }
            processor = p.build();
            service.processing(processor);
            processor.resume();
        }
        DeploymentService.Builder deployments = DeploymentService.builder(stores.deployments(), stores.staged(),
                stores.published()).clock(builder.clock);
        if (processor != null) {
            deployments.processing(processor);
        }
        return new ProjectSpace(projectKey, service.build(), new PublishedConnectorService(stores.published()),
                deployments.build(), Optional.ofNullable(processor));
    }

    /** The stores of one project. */
    public record Stores(ConnectorStore staged, PublishedConnectorStore published, DeploymentStore deployments) {
        public Stores {
            Objects.requireNonNull(staged, "staged is null");
            Objects.requireNonNull(published, "published is null");
            Objects.requireNonNull(deployments, "deployments is null");
        }

        /** These connector stores, with Deployments in memory. */
        public Stores(ConnectorStore staged, PublishedConnectorStore published) {
            this(staged, published, new InMemoryDeploymentStore());
        }

        public static Stores memory() {
            return new Stores(new InMemoryConnectorStore(), new InMemoryPublishedConnectorStore(), new InMemoryDeploymentStore());
        }
    }

    public static final class Builder {
        private Function<String, Stores> stores = key -> Stores.memory();
        private Clock clock = Clock.systemUTC();
        private ConnectorAnalyzer analyzer;
        private Executor executor;
        private DeploymentFaults faults = new DeploymentFaults();

        private Builder() {
        }

        /** The stores of a project, made on its first request; default new memory stores. */
        public Builder stores(Function<String, Stores> value) {
            this.stores = Objects.requireNonNull(value, "stores is null");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** Wires processing: previews and publishes are analyzed with this analyzer. */
        public Builder analyzer(ConnectorAnalyzer value) {
            this.analyzer = Objects.requireNonNull(value, "analyzer is null");
            return this;
        }

        /** Where processing tasks run; default one background thread per project. */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor is null");
            return this;
        }

        /** The faults injected into deployment steps of every project ({@link DeploymentFaults}); default none. */
        public Builder faults(DeploymentFaults value) {
            this.faults = Objects.requireNonNull(value, "faults is null");
            return this;
        }

        public PerProjectSpaces build() {
            return new PerProjectSpaces(this);
        }
    }
}
