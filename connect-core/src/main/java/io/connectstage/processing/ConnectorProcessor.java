package io.connectstage.processing;

import io.connectstage.action.ConnectorPublishAction;
import io.connectstage.action.ConnectorUpdate;
import io.connectstage.action.ConnectorUpdateAction;
import io.connectstage.connector.Connector;
import io.connectstage.connector.ConnectorStaged;
import io.connectstage.connector.ConnectorStatus;
import io.connectstage.connector.IsPreviewable;
import io.connectstage.error.ConnectError;
import io.connectstage.lifecycle.ConnectorLifecycle;
import io.connectstage.store.ConnectorStore;
import io.connectstage.store.PublishedConnectorStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Settles what update requests leave pending: a preview request ({@code isPreviewable: pending})
 * and a publish request ({@code status: Processing}). Each runs the analyzer on the connector's
 * repository at its tag on the injected executor and moves the connector along the lifecycle
 * with the report of the analysis; a successful publish creates or replaces the production
 * Connector.
 *
 * <p>Nothing is left pending for ever: an analyzer that throws or runs past the timeout counts
 * as a failed analysis with an {@code Error} entry. Tests pass an executor that queues the tasks
 * and run them one by one; the default runs them on a background thread.
 */
public final class ConnectorProcessor {
    static final String ANALYSIS_FAILED = "Connector analysis failed";
    static final String PUBLISH_INTERRUPTED = "Connector publishing interrupted";
    private static final ConnectError NOT_WAITING = ConnectError.general("the request has been settled already");

    private final ConnectorStore staged;
    private final PublishedConnectorStore published;
    private final ConnectorAnalyzer analyzer;
    private final Executor executor;
    private final Executor analysisExecutor;
    private final Clock clock;
    private final Duration analysisTimeout;

    private ConnectorProcessor(Builder b) {
        this.staged = b.staged;
        this.published = b.published;
        this.analyzer = b.analyzer;
        this.executor = b.executor == null ? defaultExecutor() : b.executor;
        this.analysisExecutor = b.analysisExecutor == null ? ConnectorProcessor::runOnOwnThread : b.analysisExecutor;
        this.clock = b.clock;
        this.analysisTimeout = b.analysisTimeout;
    }

    public static Builder builder(ConnectorStore staged, PublishedConnectorStore published, ConnectorAnalyzer analyzer) {
        return new Builder(staged, published, analyzer);
    }

    /** The store of published Connectors this processor writes to. */
    public PublishedConnectorStore published() {
        return published;
    }

    /** The analyzer this processor runs. */
    public ConnectorAnalyzer analyzer() {
        return analyzer;
    }

    /** Now, to the millisecond, as the API writes date-times. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Called after an accepted update has been stored: schedules what the update asked for (a
     * preview, a publish) and keeps the listing of the production Connector in step with
     * {@code alreadyListed}.
     */
    public void updated(ConnectorStaged before, ConnectorStaged after, ConnectorUpdate update) {
        if (after.isPreviewable() == IsPreviewable.PENDING && before.isPreviewable() != IsPreviewable.PENDING) {
            String id = after.id();
            executor.execute(() -> settlePreview(id));
        }
        if (after.status() == ConnectorStatus.PROCESSING && before.status() != ConnectorStatus.PROCESSING) {
            String id = after.id();
            boolean certification = certificationOf(update);
            executor.execute(() -> settlePublish(id, certification));
        }
        if (before.alreadyListed() && !after.alreadyListed()) {
            published.setListed(after.id(), false);
        }
    }

    private static boolean certificationOf(ConnectorUpdate update) {
        boolean certification = false;
        for (ConnectorUpdateAction action : update.actions()) {
            if (action instanceof ConnectorPublishAction publish) {
                certification = Boolean.TRUE.equals(publish.certification());
            }
        }
        return certification;
    }

    /**
     * Picks up what a previous run left unsettled in a durable store, so that nothing stays
     * pending for ever across a restart: a pending preview is analyzed again; a publish that was
     * being processed fails with an {@code Error} entry asking for a new request, since whether it
     * asked for certification was not stored. Call it once after building the processor; answers
     * how many connectors it scheduled.
     */
    public int resume() {
        List<ConnectorStaged> unsettled = staged.awaitingProcessing();
        for (ConnectorStaged c : unsettled) {
            String id = c.id();
            if (c.isPreviewable() == IsPreviewable.PENDING) {
                executor.execute(() -> settlePreview(id));
            }
            if (c.status() == ConnectorStatus.PROCESSING) {
                executor.execute(() -> settleInterruptedPublish(id));
            }
        }
        return unsettled.size();
    }

    private void settleInterruptedPublish(String id) {
        Analysis interrupted = Analysis.failed(PUBLISH_INTERRUPTED, "The publish request was being processed when"
                + " processing stopped; request the publish again.", now());
        settle(id, c -> c.status() == ConnectorStatus.PROCESSING,
                c -> ConnectorLifecycle.publishFailed(c, interrupted.report(), now()));
    }

    /** Analyzes and settles a pending preview request of this connector, if it still has one. */
    public void settlePreview(String id) {
        Option<ConnectorStaged> start = staged.findById(id);
        if (start.isEmpty() || start.get().isPreviewable() != IsPreviewable.PENDING) {
            return;
        }
        Analysis analysis = analyze(start.get());
        settle(id, c -> c.isPreviewable() == IsPreviewable.PENDING, c -> analysis.valid()
                ? ConnectorLifecycle.previewGranted(withSpecification(c, analysis), analysis.report(), now())
                : ConnectorLifecycle.previewRejected(c, analysis.report(), now()));
    }

    /** Analyzes and settles a publish request of this connector, if it is still being processed. */
    public void settlePublish(String id, boolean certification) {
        Option<ConnectorStaged> start = staged.findById(id);
        if (start.isEmpty() || start.get().status() != ConnectorStatus.PROCESSING) {
            return;
        }
        Analysis analysis = analyze(start.get());
        Option<ConnectorStaged> settled = settle(id, c -> c.status() == ConnectorStatus.PROCESSING, c -> analysis.valid()
                ? ConnectorLifecycle.publishAnalysisSucceeded(withSpecification(c, analysis), certification,
                        analysis.report(), now())
                : ConnectorLifecycle.publishFailed(c, analysis.report(), now()));
        settled.filter(c -> c.status() == ConnectorStatus.PUBLISHED)
                .forEach(c -> publishConnector(c, Boolean.TRUE.equals(c.certified())));
    }

    /** Creates or replaces the production Connector of a staged connector that has just been published. */
    void publishConnector(ConnectorStaged c, boolean certified) {
        long version = published.findById(c.id()).map(p -> p.version() + 1).getOrElse(1L);
        published.save(Connector.publishedFrom(c, version, certified), c.alreadyListed());
    }

    /**
     * Applies an outcome move to the stored connector while it still waits for it, retrying when
     * another change got in between (a preview may settle while a publish does).
     */
    Option<ConnectorStaged> settle(String id, java.util.function.Predicate<ConnectorStaged> waiting,
            Function<ConnectorStaged, Either<ConnectError, ConnectorStaged>> move) {
        return StoredMove.apply(staged, id, c -> waiting.test(c) ? move.apply(c) : Either.left(NOT_WAITING)).toOption();
    }

    private static ConnectorStaged withSpecification(ConnectorStaged c, Analysis analysis) {
        return c.withConfigurations(analysis.configurations())
                .withGlobalConfiguration(analysis.globalConfiguration())
                .withApiClient(analysis.apiClient());
    }

    /**
     * The analyzer's verdict on this connector's repository, or a failed analysis when the
     * analyzer throws or runs past the timeout. Runs on the caller's thread (waiting for the
     * analysis executor).
     */
    public Analysis analyze(ConnectorStaged c) {
        Instant at = now();
        CompletableFuture<Analysis> running = new CompletableFuture<>();
        try {
            analysisExecutor.execute(() -> {
                try {
                    running.complete(Objects.requireNonNull(analyzer.analyze(c.repository(), at), "analysis is null"));
                } catch (Throwable e) {
                    running.completeExceptionally(e);
                }
            });
            return running.get(analysisTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return Analysis.failed(ANALYSIS_FAILED, "The analysis did not finish within " + analysisTimeout.toSeconds()
                    + " s.", at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Analysis.failed(ANALYSIS_FAILED, "The analysis was interrupted.", at);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Analysis.failed(ANALYSIS_FAILED, "The analyzer failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), at);
        }
    }

    private static Executor defaultExecutor() {
        ExecutorService service = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "connectstage-processing");
            t.setDaemon(true);
            return t;
        });
        return service;
    }

    private static void runOnOwnThread(Runnable task) {
        Thread t = new Thread(task, "connectstage-analysis");
        t.setDaemon(true);
        t.start();
    }

    /** Wiring of a {@link ConnectorProcessor}. */
    public static final class Builder {
        private final ConnectorStore staged;
        private final PublishedConnectorStore published;
        private final ConnectorAnalyzer analyzer;
        private Executor executor;
        private Executor analysisExecutor;
        private Clock clock = Clock.systemUTC();
        private Duration analysisTimeout = Duration.ofMinutes(5);

        private Builder(ConnectorStore staged, PublishedConnectorStore published, ConnectorAnalyzer analyzer) {
            this.staged = Objects.requireNonNull(staged, "staged is null");
            this.published = Objects.requireNonNull(published, "published is null");
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer is null");
        }

        /** Where processing tasks run; default one background daemon thread. */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor is null");
            return this;
        }

        /**
         * Where each analysis runs while its task waits for it with the timeout; default a new
         * daemon thread per analysis, so that a hanging analyzer cannot hold processing. Tests
         * can pass {@code Runnable::run} to stay on one thread.
         */
        public Builder analysisExecutor(Executor value) {
            this.analysisExecutor = Objects.requireNonNull(value, "analysisExecutor is null");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock is null");
            return this;
        }

        /** How long one analysis may take before it counts as failed; default 5 minutes. */
        public Builder analysisTimeout(Duration value) {
            this.analysisTimeout = Objects.requireNonNull(value, "analysisTimeout is null");
            return this;
        }

        public ConnectorProcessor build() {
            return new ConnectorProcessor(this);
        }
    }
}
