package io.connectstage.processing;

import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.deployment.Deployment;
import io.connectstage.deployment.DeploymentLogSeverity;
import io.connectstage.deployment.DeploymentStatus;
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.Lease;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link WorkKind#RUN} claims of one processor with a runner: the Deployments whose
 * applications its runner runs, so that with several servers over one database exactly one runs
 * them. A build that started them writes the claim with its settle ({@link #store}); a claim taken
 * once its lease ended (its holder died, or closed) starts them again ({@link #claimed}); the claims
 * are renewed with the parked ones, and the applications of one whose renewal is refused (another
 * processor took it over, a newer build replaced it, the Deployment was deleted) or whose Deployment
 * should no longer run them ({@link DeploymentSettlement#stillRuns}) are stopped.
 *
 * <p>Only the current claim of a Deployment (the newest this processor holds: a redeploy's build on
 * this processor replaces the claim of the earlier one, its runner replacing the applications)
 * stops them: the refused renewal of a replaced claim stops nothing. The map of current claims is
 * changed under this object's lock, in the same section as the write that replaces a claim, so
 * that such a refusal finds the newer claim there.
 */
final class RunLeases {
    private static final System.Logger LOG = System.getLogger(ConnectorProcessor.class.getName());

    private final DeploymentStore store;
    private final DeploymentRunner runner;
    private final String owner;
    private final Duration lease;
    private final Supplier<Instant> now;
    private final Consumer<Runnable> later;
    /** Deployment id → the RUN claim held for it now; guarded by {@code this}. */
    private final Map<String, Work> current = new HashMap<>();
    /** Set by {@link #close}: claims taken afterwards are given up at once; guarded by {@code this}. */
    private boolean closed;

    /**
     * @param later where stops noticed by a renewal run, so that renewals never wait for processes to end
     */
    RunLeases(DeploymentStore store, DeploymentRunner runner, String owner, Duration lease, Supplier<Instant> now,
            Consumer<Runnable> later) {
        this.store = store;
        this.runner = runner;
        this.owner = owner;
        this.lease = lease;
        this.now = now;
        this.later = later;
    }

    /** The lease a build's settle gives the RUN item it enqueues: this processor's, from now. */
    Lease lease() {
        return new Lease(owner, now.get().plus(lease));
    }

    /**
     * Stores the settle of a build whose applications the runner started, and holds the RUN claim
     * it enqueues (settled {@code Deployed}) in place of an older one of the Deployment; whether the
     * store took the write.
     */
    boolean store(DeploymentSettle settle, String deploymentId) {
        Option<Work> run = settle.running();
        synchronized (this) {
            if (!settle.storeIn(store)) {
                return false;
            }
            if (run.isEmpty()) {
                return true;
            }
            if (!closed) {
                current.put(deploymentId, run.get());
                return true;
            }
        }
        giveUp(run.get()); // closed while it built: another processor runs them
        return true;
    }

    /**
     * Forgets the claim held for this Deployment, whose applications the runner no longer runs
     * (stopped, or replaced by a start that failed), completing it so that nobody starts them again.
     */
    void stopped(String deploymentId) {
        Work claim;
        synchronized (this) {
            claim = current.remove(deploymentId);
        }
        if (claim != null) {
            store.complete(claim);
        }
    }

    /**
     * A RUN item claimed from the store, its lease ended: starts the applications again when the
     * Deployment is still {@code Deployed} at the item's version and holds the claim, else only
     * completes it (with log lines saying why when the runner refused or failed).
     */
    void claimed(Work claim) {
        Deployment d = store.findById(claim.projectKey(), claim.connectorId()).getOrNull();
        if (DeploymentSettlement.stale(claim, d)) {
            store.complete(claim); // gone, failed, undeploying, redeploying or built again: nothing to start again
            return;
        }
        Option<String> refusal = runner.refusal(d);
        if (refusal.isDefined()) {
            log(claim, d, DeploymentLogSeverity.NOTICE, "was not started again by " + owner + ": " + refusal.get());
            store.complete(claim);
            return;
        }
        // deployed already: its postDeploy ran after its deployment, not again when its instances restart
        RunResult result = runner.start(claim.projectKey(), d, false,
                entries -> store.appendLogs(claim.projectKey(), d.id(), entries));
        if (!result.succeeded()) {
            runner.stop(d.id(), false);
            log(claim, d, DeploymentLogSeverity.ERROR, "could not be started again by " + owner + ": " + why(result));
            store.complete(claim);
            return;
        }
        log(claim, d, DeploymentLogSeverity.INFO, "started again by " + owner + " (the server that ran it stopped)");
        hold(claim);
    }

    private static String why(RunResult result) {
        return result.entries().stream().filter(e -> e.type() == ConnectorReportEntryType.ERROR).findFirst()
                .map(RunLeases::text).orElse("the start failed");
    }

    private static String text(ConnectorReportEntry e) {
        return e.message() == null ? e.title() : e.title() + ": " + e.message();
    }

    private void log(Work claim, Deployment d, DeploymentLogSeverity severity, String what) {
        LOG.log(severity == DeploymentLogSeverity.ERROR ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "deployment {0}: its applications {1}", d.id(), what);
        store.appendLogs(claim.projectKey(), d.id(), DeploymentSettlement.perApplication(d, severity, now.get(),
                name -> "Application " + name + " " + what));
    }

    /**
     * Keeps a claim taken over whose applications now run: checked (and renewed) once more, since
     * it may have been replaced or taken over while they started.
     */
    private void hold(Work claim) {
        boolean stop;
        synchronized (this) {
            if (closed) {
                stop = false;
            } else if (store.renew(claim, now.get().plus(lease))) {
                current.put(claim.connectorId(), claim);
                return;
            } else {
                Work other = current.get(claim.connectorId());
                stop = other == null || other.sameClaimAs(claim); // else a newer claim of this processor runs them
                if (!stop) {
                    return;
                }
            }
        }
        if (stop) {
            LOG.log(System.Logger.Level.INFO, "deployment {0}: its RUN claim was taken while its applications started;"
                    + " stopping them", claim.connectorId());
            runner.stop(claim.connectorId(), false);
        } else {
            giveUp(claim); // closed while they started: another processor runs them
        }
    }

    /**
     * The claims to renew now; on the way, stops the applications of those whose Deployment should
     * no longer run them ({@link DeploymentSettlement#stillRuns}), and completes their claims.
     */
    List<Work> claims() {
        List<Work> held;
        synchronized (this) {
            held = List.copyOf(current.values());
        }
        List<Work> renew = new ArrayList<>();
        for (Work claim : held) {
            Deployment d = store.findById(claim.projectKey(), claim.connectorId()).getOrNull();
            if (DeploymentSettlement.stillRuns(claim, d)) {
                renew.add(claim);
            } else if (dropIfCurrent(claim)) {
                store.complete(claim);
                boolean undeploying = d != null && d.status() == DeploymentStatus.UNDEPLOYING;
                LOG.log(System.Logger.Level.INFO, "deployment {0}: {1}; stopping its applications", claim.connectorId(),
                        d == null ? "it is gone" : "it is " + d.status().wireValue() + " at version " + d.version());
                stopLater(claim.connectorId(), undeploying);
            }
        }
        return renew;
    }

    /**
     * A claim whose renewal was refused: another processor took it over, a newer build replaced it,
     * or the Deployment is gone. Stops its applications when it is the current claim.
     */
    void lost(Work claim) {
        if (dropIfCurrent(claim)) {
            LOG.log(System.Logger.Level.INFO, "deployment {0}: its RUN claim was taken over or replaced; stopping its"
                    + " applications here", claim.connectorId());
            stopLater(claim.connectorId(), false);
        }
    }

    private synchronized boolean dropIfCurrent(Work claim) {
        Work held = current.get(claim.connectorId());
        if (held == null || !held.sameClaimAs(claim)) {
            return false;
        }
        current.remove(claim.connectorId());
        return true;
    }

    /** Stops the applications on the executor, unless a newer claim of this processor runs them by then. */
    private void stopLater(String deploymentId, boolean undeploying) {
        later.accept(() -> {
            synchronized (this) {
                if (current.containsKey(deploymentId)) {
                    return;
                }
            }
            runner.stop(deploymentId, undeploying);
        });
    }

    /**
     * Stops the applications of every claim held and gives the claims up (their leases end now), so
     * that another processor, or this server started again, takes them over at once.
     */
    void close() {
        List<Work> held;
        synchronized (this) {
            closed = true;
            held = List.copyOf(current.values());
            current.clear();
        }
        held.forEach(this::giveUp);
    }

    private void giveUp(Work claim) {
        try {
            runner.stop(claim.connectorId(), false);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "deployment " + claim.connectorId() + ": its applications did not stop", e);
        }
        try {
            store.renew(claim, now.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "deployment " + claim.connectorId() + ": its RUN claim was not given up;"
                    + " another processor takes it when its lease ends", e);
        }
    }
}
