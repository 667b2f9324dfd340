package io.connectstage.processing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Faults a test harness injects into the processing of Deployments, so that clients can be
 * exercised against failures and slow builds: the next build of an application fails, the next
 * undeploy fails, or a Deployment stays {@code Deploying} until released. A fault names its
 * Deployment by id, or by project and key ({@code …ByKey}): a harness that creates Deployments
 * through a client does not know their ids in advance, so a fault by key may be set before the
 * Deployment exists and applies to whichever Deployment of that project has the key when its step
 * runs. Faults live in this object (one JVM), not in the store; pass the same object to every
 * processor that should obey it. Thread-safe.
 *
 * <pre>{@code
 * DeploymentFaults faults = new DeploymentFaults();
 * ConnectorProcessor processor = ConnectorProcessor.builder(store, published, analyzer)
 *     .deployments(deploymentStore).faults(faults).build();
 * faults.failNextBuild(deploymentId, "service");   // the next build ends Failed, with an Error entry
 * faults.failNextBuildByKey("my-project", "my-deployment", "service"); // the same, by key, before creating it
 * faults.hold(deploymentId);                       // builds stay Deploying ...
 * faults.release(deploymentId);                    // ... until this: then they finish
 * faults.clearProject("my-project", id -> deploymentStore.findById("my-project", id).isDefined());
 *                                                  // between tests: forget the project's faults, release its holds
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

    /** Makes the next build of application {@code applicationName} of this Deployment fail (once). */
    public synchronized DeploymentFaults failNextBuild(String deploymentId, String applicationName) {
        failingBuilds.add(Target.id(deploymentId).application(applicationName));
        return this;
    }

    /**
     * Makes the next build of application {@code applicationName} of the Deployment with this key
     * in this project fail (once), whether or not that Deployment exists yet.
     */
    public synchronized DeploymentFaults failNextBuildByKey(String projectKey, String deploymentKey, String applicationName) {
        failingBuilds.add(Target.key(projectKey, deploymentKey).application(applicationName));
        return this;
    }

    /** Makes the next undeploy of this Deployment fail (once): it ends {@code UndeployFailed}. */
    public synchronized DeploymentFaults failNextUndeploy(String deploymentId) {
        failingUndeploys.add(Target.id(deploymentId));
        return this;
    }

    /** Makes the next undeploy of the Deployment with this key in this project fail (once). */
    public synchronized DeploymentFaults failNextUndeployByKey(String projectKey, String deploymentKey) {
        failingUndeploys.add(Target.key(projectKey, deploymentKey));
        return this;
    }

    /** Holds the builds of this Deployment: they start ({@code Deploying}) and do not finish until {@link #release}. */
    public synchronized DeploymentFaults hold(String deploymentId) {
        held.add(Target.id(deploymentId));
        return this;
    }

    /** Holds the builds of the Deployment with this key in this project until {@link #releaseByKey}. */
    public synchronized DeploymentFaults holdByKey(String projectKey, String deploymentKey) {
        held.add(Target.key(projectKey, deploymentKey));
        return this;
    }

    /** Ends a {@link #hold}: a build held now finishes, on the processor's executor. */
    public DeploymentFaults release(String deploymentId) {
        return release(Target.id(deploymentId));
    }

    /** Ends a {@link #holdByKey}: a build held now finishes (unless also held by id). */
    public DeploymentFaults releaseByKey(String projectKey, String deploymentKey) {
        return release(Target.key(projectKey, deploymentKey));
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
     * Forgets every fault set by this Deployment's id (a pending failed build of any application,
     * a failed undeploy) and ends its hold by id: a held build then finishes, as on
     * {@link #release}. Faults set by its key stay ({@link #clearByKey}), as a hold by key outlasts
     * a release by id.
     */
    public DeploymentFaults clear(String deploymentId) {
        Objects.requireNonNull(deploymentId, "deploymentId is null");
        return clearWhere(t -> deploymentId.equals(t.deploymentId()));
    }

    /**
     * Forgets every fault set by the key of a Deployment in this project and ends its hold by key,
     * as {@link #clear(String)} does by id; whether or not that Deployment exists.
     */
    public DeploymentFaults clearByKey(String projectKey, String deploymentKey) {
        Target key = Target.key(projectKey, deploymentKey);
        return clearWhere(t -> t.deploymentId() == null && t.projectKey().equals(key.projectKey())
                && t.deploymentKey().equals(key.deploymentKey()));
    }

    /**
     * Forgets every fault of a project, set by key or by id, and ends its holds, so that a
     * harness sharing one server between tests starts each test clean. A fault by id does not
     * name its project (ids are set without one), so {@code isDeploymentOfProject} tells which of
     * the ids with a fault are this project's; it is asked outside this object's lock, so it may
     * read a store, e.g. {@code id -> store.findById(projectKey, id).isDefined()}. Faults by id of
     * a Deployment it answers {@code false} for stay (a deleted Deployment's never apply again).
     */
    public DeploymentFaults clearProject(String projectKey, Predicate<String> isDeploymentOfProject) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(isDeploymentOfProject, "isDeploymentOfProject is null");
        Set<String> ids;
        synchronized (this) {
            ids = idsWithFaults();
        }
        Set<String> ofProject = ids.stream().filter(isDeploymentOfProject).collect(Collectors.toSet());
        return clearWhere(t -> t.deploymentId() != null ? ofProject.contains(t.deploymentId()) : t.projectKey().equals(projectKey));
    }

    /** Removes every fault and releases every hold. */
    public void clear() {
        clearWhere(t -> true);
    }

    private Set<String> idsWithFaults() {
        Set<String> ids = new HashSet<>();
        for (Set<Target> faults : List.of(failingBuilds, failingUndeploys, held)) {
            faults.stream().map(Target::deploymentId).filter(Objects::nonNull).forEach(ids::add);
        }
        return ids;
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

    /** Whether the builds of this Deployment are held (by its id). */
    public synchronized boolean isHeld(String deploymentId) {
        return held.contains(Target.id(deploymentId));
    }

    /** Whether the builds of the Deployment with this key in this project are held (by key). */
    public synchronized boolean isHeldByKey(String projectKey, String deploymentKey) {
        return held.contains(Target.key(projectKey, deploymentKey));
    }

    synchronized boolean isHeld(String projectKey, String deploymentId, String deploymentKey) {
        return held.contains(Target.id(deploymentId))
                || (deploymentKey != null && held.contains(Target.key(projectKey, deploymentKey)));
    }

    synchronized boolean takeBuildFailure(String projectKey, String deploymentId, String deploymentKey, String applicationName) {
        return failingBuilds.remove(Target.id(deploymentId).application(applicationName))
                || (deploymentKey != null && failingBuilds.remove(Target.key(projectKey, deploymentKey).application(applicationName)));
    }

    synchronized boolean takeUndeployFailure(String projectKey, String deploymentId, String deploymentKey) {
        return failingUndeploys.remove(Target.id(deploymentId))
                || (deploymentKey != null && failingUndeploys.remove(Target.key(projectKey, deploymentKey)));
    }

    void onRelease(Consumer<Target> listener) {
        releaseListeners.add(listener);
    }

    /**
     * What a fault is about: a Deployment by id, or by project and key; for a build, also the
     * application (null otherwise).
     */
    record Target(String deploymentId, String projectKey, String deploymentKey, String applicationName) {

        static Target id(String deploymentId) {
            return new Target(Objects.requireNonNull(deploymentId, "deploymentId is null"), null, null, null);
        }

        static Target key(String projectKey, String deploymentKey) {
            return new Target(null, Objects.requireNonNull(projectKey, "projectKey is null"),
                    Objects.requireNonNull(deploymentKey, "deploymentKey is null"), null);
        }

        Target application(String name) {
            return new Target(deploymentId, projectKey, deploymentKey, Objects.requireNonNull(name, "applicationName is null"));
        }

        /** Whether this names the Deployment with this id, or this key in this project. */
        boolean names(String project, String id, String key) {
            return deploymentId != null ? deploymentId.equals(id)
                    : projectKey.equals(project) && deploymentKey.equals(key);
        }
    }
}
