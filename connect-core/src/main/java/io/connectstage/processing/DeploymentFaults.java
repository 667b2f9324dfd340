package io.connectstage.processing;

import io.connectstage.resource.ResourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Faults a test harness injects into the processing of Deployments, so that clients can be
 * exercised against failures and slow builds: the next build of an application fails, the next
 * undeploy fails, or a Deployment stays {@code Deploying} until released. A fault names its
 * Deployment by project and a {@link ResourceRef}, its id or its key: a harness that creates
 * Deployments through a client does not know their ids in advance, so a fault by key may be set
 * before the Deployment exists and applies to whichever Deployment of that project has the key when
 * its step runs. Faults live in this object (one JVM), not in the store; pass the same object to
 * every processor that should obey it. Thread-safe.
 *
 * <pre>{@code
 * DeploymentFaults faults = new DeploymentFaults();
 * ConnectorProcessor processor = ConnectorProcessor.builder(store, published, analyzer)
 *     .deployments(deploymentStore).faults(faults).build();
 * faults.failNextBuild("my-project", ResourceRef.id(deploymentId), "service"); // the next build ends Failed
 * faults.failNextBuild("my-project", ResourceRef.key("my-deployment"), "service"); // the same, by key, before creating it
 * faults.hold("my-project", ResourceRef.id(deploymentId));    // builds stay Deploying ...
 * faults.release("my-project", ResourceRef.id(deploymentId)); // ... until this: then they finish
 * faults.clearProject("my-project");                          // between tests: forget the project's faults, release its holds
 * }</pre>
 *
 * <p>A one-shot fault (a build or undeploy failure) is used up when a processor takes it, also if
 * its write then loses to another processor's. When a Deployment has a fault by id and one by key,
 * a step uses up the one by id first.
 */
public final class DeploymentFaults {
    private final Set<Target> failingBuilds = new HashSet<>();
    private final Set<Target> failingUndeploys = new HashSet<>();
    private final Set<Target> held = new HashSet<>();
    private final List<Consumer<Target>> releaseListeners = new CopyOnWriteArrayList<>();

    /**
     * Makes the next build of application {@code applicationName} of this project's Deployment
     * fail (once); by key, whether or not that Deployment exists yet.
     */
    public synchronized DeploymentFaults failNextBuild(String projectKey, ResourceRef deployment, String applicationName) {
        failingBuilds.add(Target.of(projectKey, deployment).application(applicationName));
        return this;
    }

    /** Makes the next undeploy of this project's Deployment fail (once): it ends {@code UndeployFailed}. */
    public synchronized DeploymentFaults failNextUndeploy(String projectKey, ResourceRef deployment) {
        failingUndeploys.add(Target.of(projectKey, deployment));
        return this;
    }

    /** Holds the builds of this project's Deployment: they start ({@code Deploying}) and do not finish until {@link #release}. */
    public synchronized DeploymentFaults hold(String projectKey, ResourceRef deployment) {
        held.add(Target.of(projectKey, deployment));
        return this;
    }

    /**
     * Ends a {@link #hold} made with the same reference: a build held now finishes, on the
     * processor's executor (unless it is also held the other way, by id or by key).
     */
    public DeploymentFaults release(String projectKey, ResourceRef deployment) {
        return release(Target.of(projectKey, deployment));
    }

    private DeploymentFaults release(Target target) {
        boolean wasHeld;
        synchronized (this) {
            wasHeld = held.remove(target);
        }
        if (wasHeld) {
            released(target);
        }
        return this;
    }

    /**
     * Forgets every fault set with this reference (a pending failed build of any application, a
     * failed undeploy) and ends its hold: a held build then finishes, as on {@link #release}.
     * Faults set by the Deployment's other name stay (by key when cleared by id, and the other way
     * round), as a hold by key outlasts a release by id; whether or not that Deployment exists.
     */
    public DeploymentFaults clear(String projectKey, ResourceRef deployment) {
        Target target = Target.of(projectKey, deployment);
        return clearWhere(t -> t.projectKey().equals(target.projectKey()) && t.deployment().equals(target.deployment()));
    }

    /**
     * Forgets every fault of a project, set by key or by id, and ends its holds, so that a
     * harness sharing one server between tests starts each test clean.
     */
    public DeploymentFaults clearProject(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        return clearWhere(t -> t.projectKey().equals(projectKey));
    }

    /** Removes every fault and releases every hold. */
    public void clear() {
        clearWhere(t -> true);
    }

    /** Forgets the faults {@code of} names; the holds among them are released after the lock is let go, as in {@link #release}. */
    private DeploymentFaults clearWhere(Predicate<Target> of) {
        List<Target> released = new ArrayList<>();
        synchronized (this) {
            failingBuilds.removeIf(of);
            failingUndeploys.removeIf(of);
            for (Iterator<Target> it = held.iterator(); it.hasNext();) {
                Target t = it.next();
                if (of.test(t)) {
                    it.remove();
                    released.add(t);
                }
            }
        }
        released.forEach(this::released);
        return this;
    }

    private void released(Target target) {
        releaseListeners.forEach(listener -> listener.accept(target));
    }

    /** Whether the builds of this project's Deployment are held with this reference (by id, or by key). */
    public synchronized boolean isHeld(String projectKey, ResourceRef deployment) {
        return held.contains(Target.of(projectKey, deployment));
    }

    synchronized boolean isHeld(String projectKey, String deploymentId, String deploymentKey) {
        return held.contains(Target.id(projectKey, deploymentId))
                || (deploymentKey != null && held.contains(Target.key(projectKey, deploymentKey)));
    }

    synchronized boolean takeBuildFailure(String projectKey, String deploymentId, String deploymentKey, String applicationName) {
        return failingBuilds.remove(Target.id(projectKey, deploymentId).application(applicationName))
                || (deploymentKey != null && failingBuilds.remove(Target.key(projectKey, deploymentKey).application(applicationName)));
    }

    synchronized boolean takeUndeployFailure(String projectKey, String deploymentId, String deploymentKey) {
        return failingUndeploys.remove(Target.id(projectKey, deploymentId))
                || (deploymentKey != null && failingUndeploys.remove(Target.key(projectKey, deploymentKey)));
    }

    /** Calls the listener on every release until the answered handle is run (a processor's close). */
    Runnable onRelease(Consumer<Target> listener) {
        releaseListeners.add(listener);
        return () -> releaseListeners.remove(listener);
    }

    /** How many listeners are registered: closed processors leave none behind. */
    int releaseListenerCount() {
        return releaseListeners.size();
    }

    /**
     * What a fault is about: a Deployment of a project by id or by key; for a build, also the
     * application (null otherwise).
     */
    record Target(String projectKey, ResourceRef deployment, String applicationName) {

        Target {
            Objects.requireNonNull(projectKey, "projectKey is null");
            Objects.requireNonNull(deployment, "deployment is null");
        }

        static Target of(String projectKey, ResourceRef deployment) {
            return new Target(projectKey, deployment, null);
        }

        static Target id(String projectKey, String deploymentId) {
            return of(projectKey, ResourceRef.id(deploymentId));
        }

        static Target key(String projectKey, String deploymentKey) {
            return of(projectKey, ResourceRef.key(deploymentKey));
        }

        Target application(String name) {
            return new Target(projectKey, deployment, Objects.requireNonNull(name, "applicationName is null"));
        }

        /** Whether this names the Deployment of this project with this id or this key. */
        boolean names(String project, String id, String key) {
            return projectKey.equals(project) && deployment.fold(id::equals, k -> k.equals(key));
        }
    }
}
