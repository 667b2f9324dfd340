package io.connectstage.processing;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.ApplicationDeployment;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLog;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The steps of a Deployment as durable work, done by a {@link ConnectorProcessor}:
 * {@code deploy} ({@code Queued → Deploying}, enqueues {@code build}), {@code build}
 * ({@code Deploying → Deployed | Failed}, one report entry and log lines per application) and
 * {@code undeploy} (gone, or {@code UndeployFailed}). Each settles in the write that completes its
 * claim, so a step is done once however many processors share the store. A build held by
 * {@link DeploymentFaults} keeps its claim and is parked until released (or until its lease ends
 * and any processor claims it again). With a runner, a build that starts the applications settles
 * {@code Deployed} with the Deployment's {@link WorkKind#RUN} item held by this processor, and a RUN
 * item claimed after its holder ended starts them again ({@link RunLeases}).
 *
 * <p>A step claimed more than {@code maxAttempts} times (its lease ran out each time: the processor
 * died, or the step never finished) is not tried again: the Deployment ends {@code Failed} (deploy,
 * build) or {@code UndeployFailed} (undeploy) with an {@code Error} report entry and an error log
 * line per application that say so, as an analysis does in {@link ConnectorProcessor}. Claims of a
 * held build count too, but a build that was parked and is then released finishes.
 */
final class DeploymentSteps implements WorkLoop.Parked {
    private static final System.Logger LOG = System.getLogger(DeploymentSteps.class.getName());

    private final DeploymentStore store;
    private final DeploymentFaults faults;
    private final Supplier<Instant> now;
    private final int maxAttempts;
    private final DeploymentRunner runner;
    /** The RUN claims of the Deployments whose applications the runner runs; {@code null} without a runner. */
    private final RunLeases runs;
    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    /** A held build and the key its Deployment had when it was parked (a release may name it by key). */
    private record Parked(Work work, String deploymentKey) {
    }

    /**
     * @param runs the RUN claims this processor holds, when it has a {@code runner} ({@code null} else)
     */
    DeploymentSteps(DeploymentStore store, DeploymentFaults faults, DeploymentRunner runner, RunLeases runs,
            Supplier<Instant> now, int maxAttempts) {
        this.store = store;
        this.runner = runner;
        this.runs = runs;
        this.faults = faults;
        this.now = now;
        this.maxAttempts = maxAttempts;
    }

    DeploymentStore store() {
        return store;
    }

    /** The parked builds of the Deployment a release names, taken out to be done now. */
    List<Work> unpark(DeploymentFaults.Target released) {
        List<Work> out = new ArrayList<>();
        parked.values().removeIf(p -> {
            if (released.names(p.work().projectKey(), p.work().connectorId(), p.deploymentKey())) {
                out.add(p.work());
                return true;
            }
            return false;
        });
        return out;
    }

    /**
     * The claims of the builds parked now and of the applications running (their leases are
     * renewed while they wait, or run).
     */
    @Override
    public List<Work> claims() {
        List<Work> out = new ArrayList<>();
        parked.values().forEach(p -> out.add(p.work()));
        if (runs != null) {
            out.addAll(runs.claims());
        }
        return out;
    }

    /**
     * Forgets a parked build whose claim was taken over: its new holder does it; stops the
     * applications of a RUN claim taken over or replaced ({@link RunLeases#lost}).
     */
    @Override
    public void forget(Work claim) {
        if (claim.kind() == WorkKind.RUN) {
            if (runs != null) {
                runs.lost(claim);
            }
            return;
        }
        parked.computeIfPresent(claim.id(), (id, p) -> p.work().sameClaimAs(claim) ? null : p);
    }

    /** Stops every application this processor runs and gives up their claims, for another to take at once. */
    void close() {
        if (runs != null) {
            runs.close();
        }
    }

    /** Does a claimed step. */
    void process(Work work) {
        process(work, false);
    }

    /** Finishes a build that was parked and is released now, however often it was claimed while held. */
    void processReleased(Work work) {
        process(work, true);
    }

    private void process(Work work, boolean released) {
        if (work.kind() == WorkKind.RUN) {
            if (runs == null) {
                return; // never claimed without a runner; left to its lease
            }
            runs.claimed(work); // however often it was claimed: each holder that ended left it
            return;
        }
        Deployment d = store.findById(work.projectKey(), work.connectorId()).getOrNull();
        if (DeploymentSettlement.stale(work, d)) {
            store.complete(work); // settled already, or gone
            return;
        }
        boolean held = work.kind() == WorkKind.BUILD && faults != null && faults.isHeld(work.projectKey(), d.id(), d.key());
        if (work.attempts() > maxAttempts && !released && !held) {
            abandon(work, d);
            return;
        }
        switch (work.kind()) {
            case DEPLOY:
                settle(work, d, new DeploymentSettlement.Started(now.get()));
                break;
            case BUILD:
                build(work, d);
                break;
            case UNDEPLOY:
                undeploy(work, d);
                break;
            default:
                store.complete(work);
        }
    }

    private void build(Work work, Deployment d) {
        if (faults != null && faults.isHeld(work.projectKey(), d.id(), d.key())) {
            parked.put(work.id(), new Parked(work, d.key()));
            if (!faults.isHeld(work.projectKey(), d.id(), d.key()) && parked.remove(work.id()) != null) {
                build(work, d); // released while parking
            }
            return;
        }
        Instant at = now.get();
        List<ConnectorReportEntry> entries = new ArrayList<>();
        List<DeploymentLog> logs = new ArrayList<>();
        boolean failed = false;
        if (runner != null) {
            Option<String> refusal = runner.refusal(d);
            if (refusal.isEmpty() && !injectedFailure(work, d, entries, logs, at)) {
                run(work, d);
                return;
            }
            if (refusal.isDefined()) {
                logs.addAll(DeploymentSettlement.perApplication(d, DeploymentLogSeverity.NOTICE, at,
                        name -> "Application " + name + " was not run: " + refusal.get()));
            }
            failed = !entries.isEmpty();
        }
        for (ApplicationDeployment app : d.applications()) {
            if (failed) {
                break;
            }
            String name = app.applicationName();
            logs.add(DeploymentLog.text(d.id(), name, DeploymentLogSeverity.DEBUG, at, "Installing dependencies and building"));
            if (faults != null && faults.takeBuildFailure(work.projectKey(), d.id(), d.key(), name)) {
                failed = true;
                entries.add(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Build of application " + name
                        + " failed", "The build failed (fault injected by the test harness).", at, name));
                logs.add(DeploymentLog.text(d.id(), name, DeploymentLogSeverity.ERROR, at, "Build failed"));
            } else {
                entries.add(new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, "Build of application " + name
                        + " succeeded", null, at, name));
                logs.add(DeploymentLog.text(d.id(), name, DeploymentLogSeverity.NOTICE, at, "Application " + name + " deployed"));
            }
        }
        settle(work, d, new DeploymentSettlement.Built(!failed, entries, logs, Map.of(), at));
    }

    /**
     * Takes the build failures a harness injected for {@code d}'s applications, adding their
     * entries and log lines; whether there was any (the build then fails without being run).
     */
    private boolean injectedFailure(Work work, Deployment d, List<ConnectorReportEntry> entries, List<DeploymentLog> logs,
            Instant at) {
        if (faults == null) {
            return false;
        }
        boolean any = false;
        for (ApplicationDeployment app : d.applications()) {
            String name = app.applicationName();
            if (faults.takeBuildFailure(work.projectKey(), d.id(), d.key(), name)) {
                any = true;
                entries.add(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Build of application " + name
                        + " failed", "The build failed (fault injected by the test harness).", at, name));
                logs.add(DeploymentLog.text(d.id(), name, DeploymentLogSeverity.ERROR, at, "Build failed"));
            }
        }
        return any;
    }

    /**
     * Builds and starts the applications for real with the runner, then settles the build with
     * what it answered: {@code Deployed} with the runner's URLs, in the write that enqueues the
     * Deployment's {@link WorkKind#RUN} item held by this processor (replacing the item, and so the
     * claim, of whoever ran an earlier version: that processor stops its applications when its
     * renewal is refused), or {@code Failed} with its entries. The build's and the applications'
     * output reaches the Deployment's logs as it comes. When the run failed, or the settle is
     * refused (the Deployment changed or is gone meanwhile, or another processor holds the build
     * now), what was started is stopped.
     */
    private void run(Work work, Deployment d) {
        String projectKey = work.projectKey();
        RunResult result = runner.start(projectKey, d, !work.skipScripts(), entries -> store.appendLogs(projectKey, d.id(), entries));
        DeploymentSettle settle = DeploymentSettlement.settle(work, d, new DeploymentSettlement.Built(result.succeeded(),
                result.entries(), List.of(), result.urls(), now.get(), runs.lease()));
        boolean stored = runs.store(settle, d.id());
        if (!stored || !result.succeeded()) {
            runs.stopped(d.id()); // the start replaced what an earlier claim of this processor ran
            runner.stop(d.id(), false);
        }
    }

    /** Gives up a step that was started more than {@code maxAttempts} times (see {@link DeploymentSettlement.Abandoned}). */
    private void abandon(Work work, Deployment d) {
        DeploymentSettlement.Abandoned abandoned = new DeploymentSettlement.Abandoned(maxAttempts, now.get());
        LOG.log(System.Logger.Level.WARNING, "deployment {0}: {1}", d.id(), abandoned.why(work.kind()));
        settle(work, d, abandoned);
    }

    private void undeploy(Work work, Deployment d) {
        if (faults != null && faults.takeUndeployFailure(work.projectKey(), d.id(), d.key())) {
            settle(work, d, new DeploymentSettlement.UndeployFailed(now.get()));
            return;
        }
        if (runner != null) {
            runner.stop(d.id(), true); // preUndeploy runs first, while the Deployment still exists
            runs.stopped(d.id());
        }
        settle(work, d, new DeploymentSettlement.Undeployed());
    }

    /**
     * Stores the write that settles the claimed step with {@code result}; only completes the claim
     * when the status machine refuses the move. A store that refuses the write changes nothing.
     */
    private void settle(Work work, Deployment d, DeploymentSettlement.StepResult result) {
        DeploymentSettlement.settle(work, d, result).storeIn(store);
    }
}
