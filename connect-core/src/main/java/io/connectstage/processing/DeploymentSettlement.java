package io.connectstage.processing;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLifecycle;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.error.ConnectError;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Lease;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a claimed Deployment step settles, with no I/O: from the claim, the Deployment as found and
 * what the step's I/O part answered ({@link StepResult}: the build's entries, the runner's URLs, an
 * injected failure), the write that completes the claim. A claim whose Deployment is gone, at
 * another version or not in the status the step starts from only completes (settled already, or
 * given up), and so does one whose move the status machine refuses.
 */
final class DeploymentSettlement {
    /** The title of the report entry of a deploy or build that was given up. */
    static final String BUILD_ABANDONED = "Build of the applications abandoned";
    /** The title of the report entry of an undeploy that was given up. */
    static final String UNDEPLOY_ABANDONED = "Undeployment of the applications abandoned";

    private DeploymentSettlement() {
    }

    /** Whether {@code found} no longer waits for this step: gone, at another version, or in another status. */
    static boolean stale(Work work, Deployment found) {
        return found == null || found.version() != work.connectorVersion() || found.status() != expected(work.kind());
    }

    /**
     * Whether the applications that a {@link WorkKind#RUN} claim keeps running should still run for
     * {@code found}: it is {@code Deployed} at the claim's version, or a redeploy is under way
     * ({@code Queued}, {@code Deploying}: its build replaces the claim when it starts the new ones).
     * Not when it is gone, {@code Failed}, undeploying, or {@code Deployed} at another version (built
     * again without this run: by a processor without a runner, or whose runner refused it).
     */
    static boolean stillRuns(Work run, Deployment found) {
        if (found == null) {
            return false;
        }
        switch (found.status()) {
            case QUEUED:
            case DEPLOYING:
                return true;
            case DEPLOYED:
                return found.version() == run.connectorVersion();
            default:
                return false;
        }
    }

    /** The write that completes {@code work}, given the Deployment as found (or {@code null}) and the step's result. */
    static DeploymentSettle settle(Work work, Deployment found, StepResult result) {
        Objects.requireNonNull(result, "result is null");
        return stale(work, found) ? new DeploymentSettle.Complete(work) : result.settle(work, found);
    }

    private static DeploymentStatus expected(WorkKind kind) {
        switch (kind) {
            case DEPLOY:
                return DeploymentStatus.QUEUED;
            case BUILD:
                return DeploymentStatus.DEPLOYING;
            case UNDEPLOY:
                return DeploymentStatus.UNDEPLOYING;
            case RUN:
                return DeploymentStatus.DEPLOYED;
            default:
                return null;
        }
    }

    /** What the I/O part of a step answered: each result knows the move it makes. */
    sealed interface StepResult permits Started, Built, Undeployed, UndeployFailed, Abandoned {
        /** The settling write of this result for {@code d}, which waits for {@code work}. */
        DeploymentSettle settle(Work work, Deployment d);
    }

    /** A deploy: {@code Queued → Deploying}, the build step enqueued, a log line per application. */
    record Started(Instant at) implements StepResult {
        @Override
        public DeploymentSettle settle(Work work, Deployment d) {
            Either<ConnectError, Deployment> next = DeploymentLifecycle.startDeploying(d, at);
            List<DeploymentLog> logs = perApplication(d, DeploymentLogSeverity.INFO, at,
                    name -> "Build of application " + name + " started (build " + d.details().build().id() + ")");
            return replace(work, d, next, next.map(n -> DeploymentWrite.enqueueing(
                    Work.deploymentStep(WorkKind.BUILD, work.projectKey(), n).skippingScripts(work.skipScripts()))).getOrElse(DeploymentWrite.NONE).logging(logs));
        }
    }

    /**
     * A build: {@code Deployed} with these entries (and each application's {@code url} that
     * {@code urls} names), or {@code Failed} with them; {@code logs} appended either way. When a
     * runner started the applications, {@code runs} is the lease of the processor that runs them:
     * a {@code Deployed} write then enqueues the Deployment's {@link WorkKind#RUN} item held by it
     * ({@link Work#running}, replacing the item of an earlier version); else {@code null}.
     */
    record Built(boolean succeeded, List<ConnectorReportEntry> entries, List<DeploymentLog> logs, Map<String, String> urls,
            Instant at, Lease runs) implements StepResult {
        Built {
            entries = List.copyOf(entries);
            logs = List.copyOf(logs);
            urls = Map.copyOf(urls);
        }

        /** A build with nothing running for it (no runner, or one that refused it). */
        Built(boolean succeeded, List<ConnectorReportEntry> entries, List<DeploymentLog> logs, Map<String, String> urls,
                Instant at) {
            this(succeeded, entries, logs, urls, at, null);
        }

        @Override
        public DeploymentSettle settle(Work work, Deployment d) {
            Either<ConnectError, Deployment> next = succeeded ? DeploymentLifecycle.deployed(withUrls(d), entries, at)
                    : DeploymentLifecycle.failed(d, entries, at);
            DeploymentWrite write = succeeded && runs != null
                    ? next.map(n -> DeploymentWrite.enqueueing(Work.running(work.projectKey(), n)
                            .claimedBy(runs.owner(), runs.until()))).getOrElse(DeploymentWrite.NONE)
                    : DeploymentWrite.NONE;
            return replace(work, d, next, write.logging(logs));
        }

        private Deployment withUrls(Deployment d) {
            if (urls.isEmpty()) {
                return d;
            }
            return d.withApplications(d.applications().stream()
                    .map(app -> urls.containsKey(app.applicationName()) ? app.withUrl(urls.get(app.applicationName())) : app)
                    .toList());
        }
    }

    /** An undeploy that stopped what ran: the Deployment, its logs and its work are removed. */
    record Undeployed() implements StepResult {
        @Override
        public DeploymentSettle settle(Work work, Deployment d) {
            return new DeploymentSettle.Delete(d.id(), d.version(), work);
        }
    }

    /** An undeploy that failed (injected by a harness): {@code UndeployFailed} with an entry and a log line per application. */
    record UndeployFailed(Instant at) implements StepResult {
        @Override
        public DeploymentSettle settle(Work work, Deployment d) {
            Either<ConnectError, Deployment> next = DeploymentLifecycle.undeployFailed(d, List.of(new ConnectorReportEntry(
                    ConnectorReportEntryType.ERROR, "Undeployment of the applications failed",
                    "The undeployment failed (fault injected by the test harness).", at, null)), at);
            return replace(work, d, next, DeploymentWrite.NONE.logging(perApplication(d, DeploymentLogSeverity.ERROR, at,
                    name -> "Undeployment failed")));
        }
    }

    /**
     * A step started more than {@code maxAttempts} times, given up: {@code Failed} (deploy, build)
     * or {@code UndeployFailed} (undeploy) with an entry and a log line per application that say why.
     */
    record Abandoned(int maxAttempts, Instant at) implements StepResult {
        /** Why the step was given up, as the entry and the log lines say it. */
        String why(WorkKind kind) {
            return "The " + kind.wireValue() + " step was started " + maxAttempts + " times and never finished.";
        }

        @Override
        public DeploymentSettle settle(Work work, Deployment d) {
            boolean undeploy = work.kind() == WorkKind.UNDEPLOY;
            String why = why(work.kind());
            ConnectorReportEntry entry = new ConnectorReportEntry(ConnectorReportEntryType.ERROR,
                    undeploy ? UNDEPLOY_ABANDONED : BUILD_ABANDONED, why, at, null);
            Either<ConnectError, Deployment> next = undeploy ? DeploymentLifecycle.undeployFailed(d, List.of(entry), at)
                    : DeploymentLifecycle.buildAbandoned(d, List.of(entry), at);
            return replace(work, d, next, DeploymentWrite.NONE.logging(perApplication(d, DeploymentLogSeverity.ERROR, at,
                    name -> (undeploy ? "Undeployment" : "Build") + " abandoned: " + why)));
        }
    }

    /** {@code next} stored in the write that completes the claim; only the completion when the move was refused. */
    private static DeploymentSettle replace(Work work, Deployment d, Either<ConnectError, Deployment> next,
            DeploymentWrite write) {
        return next.isLeft() ? new DeploymentSettle.Complete(work)
                : new DeploymentSettle.Replace(next.get(), d.version(), write.completing(work));
    }

    /** One log line per application of {@code d}, its text made from the application's name. */
    static List<DeploymentLog> perApplication(Deployment d, DeploymentLogSeverity severity, Instant at,
            Function<String, String> text) {
        List<DeploymentLog> logs = new ArrayList<>();
        for (ApplicationDeployment app : d.applications()) {
            logs.add(DeploymentLog.text(d.id(), app.applicationName(), severity, at, text.apply(app.applicationName())));
        }
        return logs;
    }
}
