package io.connectstage.http;

import io.connectstage.processing.ConnectorAnalyzer;
import io.connectstage.processing.ConnectorProcessor;
import io.connectstage.processing.DeploymentFaults;
import io.connectstage.processing.ProcessingPool;
import io.connectstage.service.ConnectorStagedService;
import io.connectstage.service.DeploymentService;
import io.connectstage.service.PublishedConnectorService;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.memory.InMemoryConnectorStore;
import io.connectstage.store.memory.InMemoryDeploymentStore;
import io.connectstage.store.memory.InMemoryPublishedConnectorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Project spaces with a staged store of their own per project (memory by default, or any store a
 * function makes for a project key) and one store of published Connectors that all projects
 * share, each seeing the public ones and the private ones it may read ({@link SharedPublished}).
 * With an analyzer, processing is wired: previews and publishes settle in the background, on
 * the lanes of one {@link ProcessingPool} when given one (so that one project's slow work does
 * not hold up another's). {@link #resume} starts the processing of projects met in a store
 * before any client calls them; {@link #close()} stops every processor.
 *
 * <pre>{@code
 * ProjectSpaces spaces = PerProjectSpaces.builder()
 *         .analyzer(new SpecAnalyzer(GitRepositorySource.builder().build()))
 *         .build();
 * }</pre>
 */
public final class PerProjectSpaces implements ProjectSpaces, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PerProjectSpaces.class.getName());

    private final Builder builder;
    private final Map<String, ProjectSpace> spaces = new ConcurrentHashMap<>();
    /** The builder's published store, or a new memory one after each {@link #reset()} when none was given. */
    private volatile SharedPublished published;
    /** The runner every processor made from now on is given ({@link ConnectServer.Builder#runner}). */
    private volatile io.connectstage.processing.DeploymentRunner runner;

    private PerProjectSpaces(Builder builder) {
        this.builder = builder;
        this.published = builder.published != null ? builder.published : memoryPublished();
    }

    private static SharedPublished memoryPublished() {
        return new SharedPublished(new InMemoryPublishedConnectorStore(), PublishedAccess.memory());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ProjectSpace of(String projectKey) {
        return spaces.computeIfAbsent(projectKey, this::create);
    }

    /** The faults of this builder (a new {@link DeploymentFaults} unless one was given). */
    @Override
    public Optional<DeploymentFaults> faults() {
        return Optional.of(builder.faults);
    }

    /**
     * Wakes the processor of every project met so far, so that it claims work another server left
     * (or whose lease has run out); {@code serve} calls this every few seconds.
     */
    public void wakeAll() {
        for (ProjectSpace space : spaces.values()) {
            space.processor().ifPresent(ConnectorProcessor::wake);
        }
    }

    /**
     * Meets these projects now, so that their processors resume the work a previous run left (or
     * whose lease has run out) without waiting for a client; {@code serve} calls this at start
     * with every project that has stored data. A project whose store cannot be opened is skipped
     * (and met again on its next request); answers how many were met.
     */
    public int resume(Iterable<String> projectKeys) {
        int met = 0;
        for (String key : projectKeys) {
            try {
                of(key);
                met++;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot resume the work of project " + key, e);
            }
        }
        return met;
    }

    /**
     * Gives every processor made from now on this runner of Deployments' applications: the server
     * given one ({@link ConnectServer.Builder#runner}) calls it before it listens. Refused once a
     * project was met (its processor runs without it) or with another runner already given.
     */
    synchronized void runWith(io.connectstage.processing.DeploymentRunner value) {
        if (!spaces.isEmpty()) {
            throw new IllegalStateException("these spaces met projects before they were given a runner: " + spaces.keySet());
        }
        if (runner != null && runner != value) {
            throw new IllegalStateException("these spaces run applications with another runner already");
        }
        this.runner = value;
    }

    /** The runner of Deployments' applications the processors are given, when there is one. */
    public Optional<io.connectstage.processing.DeploymentRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** The projects met so far (by a request or by {@link #resume}). */
    public java.util.Set<String> projectKeys() {
        return java.util.Set.copyOf(spaces.keySet());
    }

    /**
     * Stops the processor of every project met (and the threads of processors that have their
     * own); a pool or executor given to the builder is left to its owner ({@link ConnectServer}
     * closes it when given to its builder too).
     */
    @Override
    public void close() {
        for (ProjectSpace space : spaces.values()) {
            space.processor().ifPresent(ConnectorProcessor::close);
        }
    }

    /**
     * Forgets every project met, as if none had called yet, for a test harness between tests:
     * stops each project's processor (its pending previews, publishes and Deployment steps are
     * dropped with the project), clears the {@link #faults()}, and empties the published
     * Connectors when they are the default memory store. A project met afterwards gets new stores
     * from the builder's functions: new memory stores by default, the same data again for durable
     * stores (which this does not delete). The pool or executor, the clients and tokens stay.
     * Requests under way meanwhile may see either state.
     */
    @Override
    public void reset() {
        for (String key : java.util.List.copyOf(spaces.keySet())) {
            ProjectSpace space = spaces.remove(key);
            if (space != null) {
                space.processor().ifPresent(ConnectorProcessor::close);
            }
        }
        builder.faults.clear();
        if (builder.published == null) {
            published = memoryPublished();
        }
    }

    private ProjectSpace create(String projectKey) {
        SharedPublished shared = this.published;
        // paired when the shared store can: each publish then lands in the write of its settle
        ConnectorStore staged = shared.stagedOf(projectKey, builder.staged.apply(projectKey));
        PublishedConnectorStore published = shared.viewOf(projectKey, staged);
        DeploymentStore deploymentStore = builder.deployments.apply(projectKey);
        ConnectorStagedService.Builder service = ConnectorStagedService.builder(staged)
                .clock(builder.clock).projectKey(projectKey);
        ConnectorProcessor processor = null;
        if (builder.analyzer != null) {
            ConnectorProcessor.Builder p = ConnectorProcessor.builder(staged, published, builder.analyzer)
                    .clock(builder.clock).deployments(deploymentStore).faults(builder.faults);
            if (builder.pool != null) {
                p.executor(builder.pool.lane()).scheduler(builder.pool.scheduler());
            } else if (builder.executor != null) {
                p.executor(builder.executor);
            }
            if (builder.lease != null) {
                p.lease(builder.lease);
            }
            if (runner != null) {
                p.runner(runner);
            }
            processor = p.build();
            service.processing(processor);
            processor.resume();
        }
        DeploymentService.Builder deployments = DeploymentService.builder(deploymentStore, staged,
                        shared.deployableOf(projectKey, staged))
                .clock(builder.clock).projectKey(projectKey).productionDeactivated(builder.productionDeactivated)
                .publishedAccess(shared::accessOf);
        if (processor != null) {
            deployments.processing(processor);
        }
        return new ProjectSpace(projectKey, service.build(), new PublishedConnectorService(published),
                deployments.build(), Optional.ofNullable(processor));
    }

    public static final class Builder {
        private Function<String, ConnectorStore> staged = key -> new InMemoryConnectorStore();
        private SharedPublished published;
        private Function<String, DeploymentStore> deployments = key -> new InMemoryDeploymentStore();
        private Clock clock = Clock.systemUTC();
        private ConnectorAnalyzer analyzer;
        private Executor executor;
        private ProcessingPool pool;
        private Duration lease;
        private DeploymentFaults faults = new DeploymentFaults();
        private Predicate<String> productionDeactivated = projectKey -> false;

        private Builder() {
        }

        /** The staged store of a project, made on its first request; default a new memory store. */
        public Builder staged(Function<String, ConnectorStore> value) {
            this.staged = Objects.requireNonNull(value, "staged is null");
            return this;
        }

        /** The Deployments of a project, made on its first request; default a new memory store. */
        public Builder deployments(Function<String, DeploymentStore> value) {
            this.deployments = Objects.requireNonNull(value, "deployments is null");
            return this;
        }

        /** The published Connectors all projects share; default one memory store per {@code PerProjectSpaces}. */
        public Builder published(SharedPublished value) {
            this.published = Objects.requireNonNull(value, "published is null");
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

        /**
         * Where processing tasks run, for every project alike ({@code Runnable::run}: on the
         * caller's thread); default two background threads per project, or the {@link #pool}.
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor is null");
            return this;
        }

        /**
         * Runs every project's processing on this pool, each project on a lane of its own, so that
         * one project's slow work takes one worker at most; takes precedence over {@link #executor}.
         * The pool is left to its owner on {@link #close()}.
         */
        public Builder pool(ProcessingPool value) {
            this.pool = Objects.requireNonNull(value, "pool is null");
            return this;
        }

        /**
         * The lease of each processor's claims ({@link ConnectorProcessor.Builder#lease}), renewed
         * every third of it while the work runs; default 30 s when a pool or the processors' own
         * threads renew it.
         */
        public Builder lease(Duration value) {
            this.lease = Objects.requireNonNull(value, "lease is null");
            return this;
        }

        /** The faults injected into deployment steps of every project ({@link DeploymentFaults}); default none. */
        public Builder faults(DeploymentFaults value) {
            this.faults = Objects.requireNonNull(value, "faults is null");
            return this;
        }

        /**
         * The projects whose production Deployments are deactivated: a {@code production} create
         * there answers {@code DeploymentProductionDeactivated}; default none.
         *
         * <pre>{@code
         * PerProjectSpaces.builder().productionDeactivated(Set.of("trial-project")::contains).build();
         * }</pre>
         */
        public Builder productionDeactivated(Predicate<String> projectKeys) {
            this.productionDeactivated = Objects.requireNonNull(projectKeys, "projectKeys is null");
            return this;
        }

        public PerProjectSpaces build() {
            return new PerProjectSpaces(this);
        }
    }
}
