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
import io.connectstage.store.DeploymentStore;
import io.connectstage.store.DeploymentWrite;
import io.connectstage.store.Work;
import io.connectstage.store.WorkKind;
import io.vavr.control.Either;
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
 * and any processor claims it again).
 */
final class DeploymentSteps {
    private final DeploymentStore store;
    private final DeploymentFaults faults;
    private final Supplier<Instant> now;
    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    /** A held build and the key its Deployment had when it was parked (a release may name it by key). */
    private record Parked(Work work, String deploymentKey) {
    }

    DeploymentSteps(DeploymentStore store, DeploymentFaults faults, Supplier<Instant> now) {
        this.store = store;
        this.faults = faults;
        this.now = now;
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

    void process(Work work) {
        Deployment d = store.findById(work.projectKey(), work.connectorId()).getOrNull();
        if (d == null || d.version() != work.connectorVersion() || d.status() != expected(work.kind())) {
            store.complete(work); // settled already, or gone
            return;
        }
        switch (work.kind()) {
            case DEPLOY:
                deploy(work, d);
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

    private static DeploymentStatus expected(WorkKind kind) {
        switch (kind) {
            case DEPLOY:
                return DeploymentStatus.QUEUED;
            case BUILD:
                return DeploymentStatus.DEPLOYING;
            case UNDEPLOY:
                return DeploymentStatus.UNDEPLOYING;
            default:
                return null;
        }
    }

    private void deploy(Work work, Deployment d) {
        Instant at = now.get();
        Either<ConnectError, Deployment> next = DeploymentLifecycle.startDeploying(d, at);
        if (next.isLeft()) {
            store.complete(work);
            return;
        }
        List<DeploymentLog> logs = new ArrayList<>();
        for (ApplicationDeployment app : d.applications()) {
            logs.add(DeploymentLog.text(d.id(), app.applicationName(), DeploymentLogSeverity.INFO, at,
                    "Build of application " + app.applicationName() + " started (build " + d.details().build().id() + ")"));
        }
        Work build = Work.deploymentStep(WorkKind.BUILD, work.projectKey(), next.get());
        store.replace(work.projectKey(), next.get(), d.version(), DeploymentWrite.enqueueing(build).completing(work).logging(logs));
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
        for (ApplicationDeployment app : d.applications()) {
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
        Either<ConnectError, Deployment> next = failed ? DeploymentLifecycle.failed(d, entries, at)
                : DeploymentLifecycle.deployed(d, entries, at);
        if (next.isLeft()) {
            store.complete(work);
            return;
        }
        store.replace(work.projectKey(), next.get(), d.version(), DeploymentWrite.NONE.completing(work).logging(logs));
    }

    private void undeploy(Work work, Deployment d) {
        if (faults != null && faults.takeUndeployFailure(work.projectKey(), d.id(), d.key())) {
            Instant at = now.get();
            Either<ConnectError, Deployment> next = DeploymentLifecycle.undeployFailed(d, List.of(new ConnectorReportEntry(
                    ConnectorReportEntryType.ERROR, "Undeployment of the applications failed",
                    "The undeployment failed (fault injected by the test harness).", at, null)), at);
            List<DeploymentLog> logs = new ArrayList<>();
            for (ApplicationDeployment app : d.applications()) {
                logs.add(DeploymentLog.text(d.id(), app.applicationName(), DeploymentLogSeverity.ERROR, at, "Undeployment failed"));
            }
            if (next.isRight()) {
                store.replace(work.projectKey(), next.get(), d.version(), DeploymentWrite.NONE.completing(work).logging(logs));
            } else {
                store.complete(work);
            }
            return;
        }
        store.delete(work.projectKey(), d.id(), d.version(), work);
    }
}
