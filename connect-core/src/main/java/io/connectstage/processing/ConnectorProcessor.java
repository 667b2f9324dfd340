package io.connectstage.processing;

import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.ConnectorWrite;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.PublishedConnectorStore;
import io.connectstage.store.StoreRefusal;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Does the work that preview and publish requests leave in the store ({@link Work}), and, when
 * given a {@link DeploymentStore}, the steps of Deployments (see {@link DeploymentFaults} for
 * failures a harness injects into them): claims an
 * item with a lease, runs the analyzer on the connector's repository at its tag, and settles the
 * request through the store's compare-and-set in the same write that completes the item
 * ({@link ConnectorSettlement} decides that write; a {@link WorkLoop} claims, renews and wakes). A
 * successful publish creates or replaces the production Connector in that write when the staged
 * store keeps the published ones ({@link ConnectorStore#publishesTo}), so that a refused settle
 * publishes nothing; with stores kept apart, first, in a write of its own (idempotently: saving
 * the same Connector twice changes nothing).
 *
 * <p>Processors may share a store, in one JVM or in several over one database: each item is
 * claimed by one of them at a time, and only the holder of the claim can settle it, so each
 * request is settled exactly once. Leases are short (30 s) and renewed while the work runs (every
 * 10 s), so a processor that dies leaves a lease that ends soon; then any processor claims the
 * item and does it again ({@link #resume()} at start-up picks up what a previous run left). A
 * processor whose renewal finds the claim taken over settles nothing of it. An analyzer that
 * throws or runs past the timeout settles the request as a failed analysis with an
 * {@code Error} entry. With a {@link Builder#runner runner}, the same lease decides which processor
 * runs a {@code Deployed} Deployment's applications: the holder of its {@link WorkKind#RUN} item.
 *
 * <pre>{@code
 * try (ConnectorProcessor processor = ConnectorProcessor.builder(store, published, analyzer).build()) {
 *     ConnectorStagedService service = ConnectorStagedService.builder(store).processing(processor).build();
 *     processor.resume();
 *     ...
 * }
 * }</pre>
 *
 * <p>One clock and one executor per processor. Without an executor of its own it runs on two
 * daemon threads that it shuts down on {@link #close()}: one does the work, one times analyses
 * and renews leases. Many processors share threads through a {@link ProcessingPool}.
 */
public final class ConnectorProcessor implements AutoCloseable {
    /** The title of the entry of a failed analysis. */
    public static final String ANALYSIS_FAILED = TimeLimitedAnalyzer.ANALYSIS_FAILED;

    /** The lease of a processor that renews its leases (one with a scheduler). */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** What a processor claims from its connector store. */
    private static final Set<WorkKind> CONNECTOR_WORK = Set.of(WorkKind.PREVIEW, WorkKind.PUBLISH);
    /** What a processor claims from its Deployment store. */
    private static final Set<WorkKind> DEPLOYMENT_STEPS = Set.of(WorkKind.DEPLOY, WorkKind.BUILD, WorkKind.UNDEPLOY);
    /** What a processor with a runner claims from its Deployment store: the steps, and the runs whose holder ended. */
    private static final Set<WorkKind> DEPLOYMENT_STEPS_AND_RUNS = Set.of(WorkKind.DEPLOY, WorkKind.BUILD, WorkKind.UNDEPLOY,
            WorkKind.RUN);

    private final ConnectorStore staged;
    private final PublishedConnectorStore published;
    private final TimeLimitedAnalyzer analyzer;
    private final Clock clock;
    private final int maxAttempts;
    private final String owner;
    private final DeploymentSteps deployments;
    private final WorkLoop loop;
    private final Runnable releaseSubscription;

    private ConnectorProcessor(Builder b) {
        this.staged = b.staged;
        this.published = b.published;
        this.clock = b.clock;
        ScheduledExecutorService ownExecutor = b.executor == null ? WorkLoop.newExecutor() : null;
        Executor executor = b.executor == null ? ownExecutor : b.executor;
        ScheduledExecutorService scheduler = b.scheduler != null ? b.scheduler
                : executor instanceof ScheduledExecutorService s ? s : null;
        this.analyzer = new TimeLimitedAnalyzer(b.analyzer, b.analysisTimeout, clock, scheduler);
        // Without a scheduler nothing renews a lease: it must then outlast an analysis.
        Duration lease = b.lease != null ? b.lease : scheduler != null ? DEFAULT_LEASE : b.analysisTimeout.plusMinutes(1);
        Duration every = b.renewEvery != null ? b.renewEvery : lease.dividedBy(3);
        this.maxAttempts = b.maxAttempts;
        this.owner = b.owner == null ? "processor-" + UUID.randomUUID() : b.owner;
        RunLeases runs = b.deployments == null || b.runner == null ? null
                : new RunLeases(b.deployments, b.runner, owner, lease, this::now, this::later);
        this.deployments = b.deployments == null ? null : new DeploymentSteps(b.deployments, b.faults, b.runner, runs,
                this::now, b.maxAttempts);
        List<WorkLoop.Source> sources = new ArrayList<>();
        sources.add(new WorkLoop.Source(staged, CONNECTOR_WORK, this::process, WorkLoop.Parked.NONE));
        if (deployments != null) {
            // only a processor that can run applications takes over their run
            sources.add(new WorkLoop.Source(deployments.store(), runs != null ? DEPLOYMENT_STEPS_AND_RUNS : DEPLOYMENT_STEPS,
                    deployments::process, deployments));
        }
        this.loop = new WorkLoop(sources, owner, clock, lease, executor, ownExecutor, scheduler, every);
        // removed on close: a server that resets between tests makes a processor per project and test
        this.releaseSubscription = b.faults != null && deployments != null ? b.faults.onRelease(this::released) : () -> { };
    }

    /** Runs {@code task} on the executor (the stops that a renewal decides), unless closed. */
    private void later(Runnable task) {
        loop.submit(task);
    }

    /** A held build was released: finish the ones this processor parked, on the executor. */
    private void released(DeploymentFaults.Target target) {
        if (loop.closed()) {
            return;
        }
        loop.submit(() -> {
            for (Work w : deployments.unpark(target)) {
                if (!loop.closed()) {
                    deployments.processReleased(w);
                }
            }
        });
        loop.wake();
    }

    /** The store of Deployments whose steps this processor does, or {@code null}. */
    public DeploymentStore deploymentStore() {
        return deployments == null ? null : deployments.store();
    }

    public static Builder builder(ConnectorStore staged, PublishedConnectorStore published, ConnectorAnalyzer analyzer) {
        return new Builder(staged, published, analyzer);
    }

    /**
     * The simplest processing: every repository is accepted ({@link ConnectorAnalyzer#acceptingEverything()}),
     * on the caller's thread, so that a request is settled before the update that made it
     * returns (when updates come from several threads at once, the one already processing settles
     * the others' requests). For harnesses that need requests to settle and no repository read.
     */
    public static ConnectorProcessor inline(ConnectorStore staged, PublishedConnectorStore published) {
        return builder(staged, published, ConnectorAnalyzer.acceptingEverything()).executor(Runnable::run).build();
    }

    /** The store of published Connectors this processor writes to. */
    public PublishedConnectorStore published() {
        return published;
    }

    /** The analyzer this processor runs, with its time limit. */
    public ConnectorAnalyzer analyzer() {
        return analyzer;
    }

    /** Who this processor is in the leases it takes. */
    public String owner() {
        return owner;
    }

    /** Now, to the millisecond, as the API writes date-times. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The analyzer's verdict on this connector's repository, now, on the caller's thread. */
    public Analysis analyze(ConnectorStaged c) {
        return analyzer.analyze(c.repository(), now());
    }

    /**
     * Called after an accepted update has been stored: keeps the listing of the production
     * Connector in step with {@code alreadyListed} (unless the update's own write did, see
     * {@link #listing}), and wakes the processor when the update made a request (and so left work).
     */
    public void updated(ConnectorStaged before, ConnectorStaged after) {
        if (unlisted(before, after) && !staged.publishesTo(published)) {
            published.setListed(after.id(), false); // else the update's own write unlisted it (see listing)
        }
        boolean previewRequested = after.isPreviewable() == IsPreviewable.PENDING
                && before.isPreviewable() != IsPreviewable.PENDING;
        boolean publishRequested = after.status() == ConnectorStatus.PROCESSING && before.status() != ConnectorStatus.PROCESSING;
        if (previewRequested || publishRequested) {
            wake();
        }
    }

    /**
     * Claims what is unclaimed or whose lease has run out (what a previous run left, too) and does
     * it, on the executor. Call it once after building a processor over a durable store.
     */
    public void resume() {
        wake();
    }

    /**
     * Asks for a run on the executor; runs coalesce, so that one run at a time claims work and a
     * wake-up during a run makes it look again.
     */
    public void wake() {
        loop.wake();
    }

    /**
     * Claims and does work on the calling thread until none is claimable now; answers how many
     * items it took. Tests call this to run processing step by step.
     */
    public int runClaimable() {
        return loop.runClaimable();
    }

    /**
     * Renews the lease of every claim this processor is working on, and of the builds it keeps
     * parked; a claim whose renewal is refused (another processor took it over) is marked lost,
     * and this processor settles nothing of it. The scheduler runs this every third of a lease;
     * tests call it to renew step by step.
     */
    public void renewLeases() {
        loop.renewLeases();
    }

    /**
     * Settles the request of one claimed item, or only completes it when its connector no longer
     * waits (deleted, or settled already by an earlier holder of the item): the analysis is the
     * I/O part, {@link ConnectorSettlement} decides the write, the store takes it.
     */
    void process(Work work) {
        Option<ConnectorStaged> start = staged.findById(work.connectorId());
        if (start.isEmpty() || !ConnectorSettlement.waiting(work, start.get())) {
            staged.complete(work);
            return;
        }
        Analysis analysis = work.attempts() > maxAttempts
                ? Analysis.failed(ANALYSIS_FAILED, "The analysis was started " + maxAttempts
                        + " times and never finished.", now())
                : analyzer.analyze(start.get().repository(), now());
        while (!loop.closed() && loop.stillHeld(work)) {
            Option<ConnectorStaged> current = staged.findById(work.connectorId());
            Option<Connector> publishedNow = work.kind() == WorkKind.PUBLISH && analysis.valid()
                    ? published.findById(work.connectorId()) : Option.none();
            ConnectorSettle settle = ConnectorSettlement.settle(work, current, publishedNow, analysis, now());
            if (settle.onlyCompletes()) {
                staged.complete(work);
                return;
            }
            if (!loop.stillHeld(work)) {
                return; // taken over while analyzing: the new holder settles it
            }
            Either<StoreRefusal, ConnectorStaged> stored = store(settle);
            if (stored.isRight() || !(stored.getLeft() instanceof StoreRefusal.VersionMismatch)) {
                return; // settled, or the claim is no longer ours (another holder settles it), or the connector is gone
            }
        }
    }

    /**
     * Stores a settle: in one write when the staged store keeps the published Connectors
     * ({@link ConnectorStore#publishesTo}); else its publication first, in a write of its own
     * (saving the same Connector twice changes nothing), then the connector with its claim completed.
     */
    private Either<StoreRefusal, ConnectorStaged> store(ConnectorSettle settle) {
        ConnectorWrite write = settle.write();
        if (write.publishes() != null && !staged.publishesTo(published)) {
            write.publishes().applyTo(settle.next().id(), published);
            write = write.publishing(null);
        }
        return staged.replace(settle.next(), settle.expectedVersion(), write);
    }

    /**
     * What an accepted update stored by {@code ConnectorStagedService} carries
     * for the published Connector, in its own write: the unlisting, when it unlisted the connector
     * and the staged store keeps the published Connectors; else nothing ({@link #updated} unlists then).
     */
    public ConnectorWrite.Publication listing(ConnectorStaged before, ConnectorStaged after) {
        return unlisted(before, after) && staged.publishesTo(published) ? new ConnectorWrite.Listing(false) : null;
    }

    private static boolean unlisted(ConnectorStaged before, ConnectorStaged after) {
        return before.alreadyListed() && !after.alreadyListed();
    }

    /**
     * The write that publishes {@code next} (about to be stored as published) with it, where the
     * staged store keeps the published Connectors; else nothing, after saving the Connector now.
     */
    ConnectorWrite publishing(ConnectorStaged next) {
        if (!staged.publishesTo(published)) {
            publishConnector(next);
            return ConnectorWrite.NONE;
        }
        return ConnectorWrite.NONE.publishing(ConnectorSettlement.publication(next, published.findById(next.id())));
    }

    /**
     * Creates or replaces the production Connector of a staged connector that is (about to be)
     * published: {@code private} and {@code certified} as the settled publish has them. Saving the
     * same Connector again keeps its version, so a publish done twice counts once.
     * Public for the store contracts of connect-testkit, which race two processors on it.
     */
    public void publishConnector(ConnectorStaged c) {
        ConnectorWrite.Publish publish = ConnectorSettlement.publication(c, published.findById(c.id()));
        published.save(publish.connector(), publish.listed());
    }

    /**
     * Stops taking work and shuts down the threads this processor started (an analysis under way
     * is interrupted; its item stays claimed until its lease runs out, then it is done again). An
     * executor passed in is left to its owner. With a runner, it then stops the applications it
     * runs and gives up their {@link WorkKind#RUN} claims (their leases end now), so that another
     * processor over the same store, or this server started again, starts them at once; the runner
     * itself is left to its owner. A processor that dies without closing (SIGKILL) leaves its claims
     * to end with their lease ({@link Builder#lease}, 30 s by default).
     */
    @Override
    public void close() {
        releaseSubscription.run();
        loop.close();
        if (deployments != null) {
            deployments.close();
        }
    }

    /** Wiring of a {@link ConnectorProcessor}. */
    public static final class Builder {
        private final ConnectorStore staged;
        private final PublishedConnectorStore published;
        private final ConnectorAnalyzer analyzer;
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private Duration analysisTimeout = Duration.ofMinutes(5);
        private Duration lease;
        private Duration renewEvery;
        private ScheduledExecutorService scheduler;
        private int maxAttempts = 5;
        private String owner;
        private DeploymentStore deployments;
        private DeploymentFaults faults;
        private DeploymentRunner runner;

        private Builder(ConnectorStore staged, PublishedConnectorStore published, ConnectorAnalyzer analyzer) {
            this.staged = Objects.requireNonNull(staged, "staged is null");
            this.published = Objects.requireNonNull(published, "published is null");
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer is null");
        }

        /**
         * Where runs happen; default two daemon threads of the processor's own, shut down by
         * {@link #close()}. {@code Runnable::run} runs on the caller's thread; tests pass one that
         * queues. A {@link ScheduledExecutorService} also times analyses (interrupts at the limit).
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor is null");
            return this;
        }

        /** The one clock of report times, analysis time limits and leases. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** How long one analysis may take before it counts as failed; default 5 minutes. */
        public Builder analysisTimeout(Duration value) {
            this.analysisTimeout = Objects.requireNonNull(value, "analysisTimeout is null");
            return this;
        }

        /**
         * How long a claim holds a work item unless renewed, so how soon another processor takes
         * over the work of one that died; default 30 s when the processor has a scheduler (which
         * renews leases), else the analysis timeout plus one minute (nothing renews them then).
         */
        public Builder lease(Duration value) {
            Objects.requireNonNull(value, "lease is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("lease must be positive: " + value);
            }
            this.lease = value;
            return this;
        }

        /** How often the leases of work under way are renewed; default a third of the lease. */
        public Builder renewEvery(Duration value) {
            Objects.requireNonNull(value, "renewEvery is null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("renewEvery must be positive: " + value);
            }
            this.renewEvery = value;
            return this;
        }

        /**
         * Where analysis time limits and lease renewals are scheduled, when the executor is not
         * itself a {@link ScheduledExecutorService}; left to its owner on {@link #close()}.
         */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler is null");
            return this;
        }

        /**
         * After how many claims an item is given up without being done again; default 5. A
         * preview or publish then settles as a failed analysis, a Deployment's deploy or build
         * step as {@code Failed}, its undeploy as {@code UndeployFailed}, each with an entry that
         * says why.
         */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** Who this processor is in its leases; default {@code processor-<random UUID>}. */
        public Builder owner(String value) {
            this.owner = Objects.requireNonNull(value, "owner is null");
            return this;
        }

        /**
         * Also does the steps of the Deployments in this store (deploy, build, undeploy), claimed
         * from it with the same lease and loop as previews and publishes.
         */
        public Builder deployments(DeploymentStore value) {
            this.deployments = Objects.requireNonNull(value, "deployments is null");
            return this;
        }

        /** The faults a harness injects into Deployment steps ({@link DeploymentFaults}); default none. */
        public Builder faults(DeploymentFaults value) {
            this.faults = Objects.requireNonNull(value, "faults is null");
            return this;
        }

        /**
         * Runs the applications of Deployments for real with this runner (see
         * {@link DeploymentRunner}): the build step builds and starts them, the undeploy step stops
         * them. Default none: Deployments reach {@code Deployed} without anything running. The
         * runner is left to its owner on {@link #close()}.
         *
         * <p>With several processors over one store, exactly one runs a Deployment's applications:
         * the one that holds its {@link WorkKind#RUN} item, written claimed by the build that
         * started them and renewed with the other leases. When its holder closes (or dies, and its
         * lease ends) a processor with a runner claims it and starts them again; a holder whose
         * renewal is refused (taken over, replaced by a newer build, the Deployment deleted) or
         * that finds its Deployment failed, undeploying or built again without it stops them.
         * Processors without a runner never claim it.
         */
        public Builder runner(DeploymentRunner value) {
            this.runner = Objects.requireNonNull(value, "runner is null");
            return this;
        }

        public ConnectorProcessor build() {
            return new ConnectorProcessor(this);
        }
    }
}
