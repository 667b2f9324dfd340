package io.connectstage.processing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Faults a test harness injects into the processing of Deployments, so that clients can be
 * exercised against failures and slow builds: the next build of an application fails, the next
 * undeploy fails, or a Deployment stays {@code Deploying} until released. Faults live in this
 * object (one JVM), not in the store; pass the same object to every processor that should obey it.
 * Thread-safe.
 *
 * <pre>{@code
 * DeploymentFaults faults = new DeploymentFaults();
 * ConnectorProcessor processor = ConnectorProcessor.builder(store, published, analyzer)
 *     .deployments(deploymentStore).faults(faults).build();
 * faults.failNextBuild(deploymentId, "service");   // the next build ends Failed, with an Error entry
 * faults.hold(deploymentId);                       // builds stay Deploying ...
 * faults.release(deploymentId);                    // ... until this: then they finish
 * }</pre>
 *
 * <p>A one-shot fault (a build or undeploy failure) is used up when a processor takes it, also if
 * its write then loses to another processor's.
 */
public final class DeploymentFaults {
    private final Set<String> failingBuilds = new HashSet<>();
    private final Set<String> failingUndeploys = new HashSet<>();
    private final Set<String> held = new HashSet<>();
    private final List<Consumer<String>> releaseListeners = new CopyOnWriteArrayList<>();

    /** Makes the next build of application {@code applicationName} of this Deployment fail (once). */
    public synchronized DeploymentFaults failNextBuild(String deploymentId, String applicationName) {
        failingBuilds.add(Objects.requireNonNull(deploymentId, "deploymentId is null") + "\n"
                + Objects.requireNonNull(applicationName, "applicationName is null"));
        return this;
    }

    /** Makes the next undeploy of this Deployment fail (once): it ends {@code UndeployFailed}. */
    public synchronized DeploymentFaults failNextUndeploy(String deploymentId) {
        failingUndeploys.add(Objects.requireNonNull(deploymentId, "deploymentId is null"));
        return this;
    }

    /** Holds the builds of this Deployment: they start ({@code Deploying}) and do not finish until {@link #release}. */
    public synchronized DeploymentFaults hold(String deploymentId) {
        held.add(Objects.requireNonNull(deploymentId, "deploymentId is null"));
        return this;
    }

    /** Ends a {@link #hold}: a build held now finishes, on the processor's executor. */
    public DeploymentFaults release(String deploymentId) {
        boolean wasHeld;
        synchronized (this) {
            wasHeld = held.remove(deploymentId);
        }
        if (wasHeld) {
            releaseListeners.forEach(listener -> listener.accept(deploymentId));
        }
        return this;
    }

    /** Removes every fault and releases every hold. */
    public void clear() {
        List<String> released;
        synchronized (this) {
            failingBuilds.clear();
            failingUndeploys.clear();
            released = new ArrayList<>(held);
            held.clear();
        }
        released.forEach(id -> releaseListeners.forEach(listener -> listener.accept(id)));
    }

    /** Whether the builds of this Deployment are held. */
    public synchronized boolean isHeld(String deploymentId) {
        return held.contains(deploymentId);
    }

    synchronized boolean takeBuildFailure(String deploymentId, String applicationName) {
        return failingBuilds.remove(deploymentId + "\n" + applicationName);
    }

    synchronized boolean takeUndeployFailure(String deploymentId) {
        return failingUndeploys.remove(deploymentId);
    }

    void onRelease(Consumer<String> listener) {
        releaseListeners.add(listener);
    }
}
