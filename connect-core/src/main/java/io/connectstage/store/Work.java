package io.connectstage.store;

import io.connectstage.connector.ConnectorStaged;
import io.connectstage.deployment.Deployment;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Durable work that a request leaves behind, stored in the same write as the connector change
 * that asked for it: a preview or a publish of one connector, or a step of a Deployment. A processor claims it with a
 * {@link Lease}, does it, and completes it in the same write as the connector change that
 * settles it; a processor that dies leaves a lease that expires, and another claims the work.
 *
 * <p>The id is {@code connectorId/kind/version}: a connector has at most one request of each
 * kind at a version, so the same request always makes the same id. The one exception is the run of
 * a Deployment's applications ({@link #running}), one per Deployment whatever its version.
 *
 * <pre>{@code
 * Work work = Work.publish(processing, true);   // processing: the connector as the request stored it
 * store.replace(processing, current.version(), List.of(work), null);
 * }</pre>
 *
 * @param connectorVersion the connector's version in the write that made the work
 * @param parameters       what the request asked, in words a store can keep ({@code certification})
 * @param attempts         how many times it has been claimed
 * @param lease            the claim that holds it, or {@code null}
 */
public record Work(String id, WorkKind kind, String connectorId, long connectorVersion, Map<String, String> parameters,
        int attempts, Lease lease) {

    /** The parameter of a Deployment step: the key of the Deployment's project. */
    public static final String PROJECT_KEY = "projectKey";

    /**
     * The parameter of a Deployment's deploy and build steps: {@code "true"} when the redeploy that
     * queued them asked to skip the scripts ({@code skipScripts}).
     */
    public static final String SKIP_SCRIPTS = "skipScripts";

    /** The parameter of a publish: {@code "true"} when it asked for certification. */
    public static final String CERTIFICATION = "certification";

    public Work {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(connectorId, "connectorId is null");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The work a preview request leaves; {@code requested} is the connector as the request stored it. */
    public static Work preview(ConnectorStaged requested) {
        return of(WorkKind.PREVIEW, requested, Map.of());
    }

    /** The work a publish request leaves, with whether it asked for certification. */
    public static Work publish(ConnectorStaged requested, boolean certification) {
        return of(WorkKind.PUBLISH, requested, Map.of(CERTIFICATION, Boolean.toString(certification)));
    }

    /**
     * A step of a Deployment ({@link WorkKind#DEPLOY}, {@link WorkKind#BUILD} or
     * {@link WorkKind#UNDEPLOY}) at the version of {@code d} that asks for it. For these kinds
     * {@link #connectorId()} holds the Deployment's id and {@link #connectorVersion()} its version.
     */
    public static Work deploymentStep(WorkKind kind, String projectKey, Deployment d) {
        if (!kind.isDeploymentStep()) {
            throw new IllegalArgumentException(kind + " is not a deployment step");
        }
        Objects.requireNonNull(projectKey, "projectKey is null");
        return new Work(d.id() + "/" + kind.wireValue() + "/" + d.version(), kind, d.id(), d.version(),
                Map.of(PROJECT_KEY, projectKey), 0, null);
    }

    /**
     * The work that keeps {@code d}'s applications running ({@link WorkKind#RUN}), unclaimed, at the
     * version of {@code d} that runs them ({@code Deployed}). Its id is one per Deployment,
     * {@code deploymentId/run}, whatever the version: a later build's write that enqueues it replaces
     * the stored one, and with it the claim of whoever ran the earlier version. The build that
     * started the applications enqueues it claimed ({@link #claimedBy}).
     */
    public static Work running(String projectKey, Deployment d) {
        Objects.requireNonNull(projectKey, "projectKey is null");
        return new Work(d.id() + "/" + WorkKind.RUN.wireValue(), WorkKind.RUN, d.id(), d.version(),
                Map.of(PROJECT_KEY, projectKey), 0, null);
    }

    /** The project key of a Deployment step or run. */
    public String projectKey() {
        return parameters.get(PROJECT_KEY);
    }

    private static Work of(WorkKind kind, ConnectorStaged requested, Map<String, String> parameters) {
        String id = requested.id() + "/" + kind.wireValue() + "/" + requested.version();
        return new Work(id, kind, requested.id(), requested.version(), parameters, 0, null);
    }

    /** Whether anyone may claim it at {@code now}: it has no lease, or its lease has run out. */
    public boolean claimableAt(Instant now) {
        return lease == null || !lease.until().isAfter(now);
    }

    /** This work claimed: one more attempt, held by {@code owner} until {@code until}. */
    public Work claimedBy(String owner, Instant until) {
        return new Work(id, kind, connectorId, connectorVersion, parameters, attempts + 1, new Lease(owner, until));
    }

    /**
     * Whether this is the same claim as {@code other}: the same item, attempt and holder. Not the
     * lease's end: a renewed claim is still the claim it was.
     */
    public boolean sameClaimAs(Work other) {
        return other != null && id.equals(other.id()) && attempts == other.attempts()
                && lease != null && other.lease() != null && lease.owner().equals(other.lease().owner());
    }

    /** This claim with its lease extended to {@code until}. */
    public Work renewedUntil(Instant until) {
        if (lease == null) {
            throw new IllegalStateException("work " + id + " is not claimed");
        }
        return new Work(id, kind, connectorId, connectorVersion, parameters, attempts, new Lease(lease.owner(), until));
    }

    /** This step, asking to skip the Deployment's scripts when {@code skip}; as it is otherwise. */
    public Work skippingScripts(boolean skip) {
        if (!skip) {
            return this;
        }
        java.util.Map<String, String> next = new java.util.HashMap<>(parameters);
        next.put(SKIP_SCRIPTS, "true");
        return new Work(id, kind, connectorId, connectorVersion, next, attempts, lease);
    }

    /** Whether the redeploy that queued this step asked to skip the scripts. */
    public boolean skipScripts() {
        return Boolean.parseBoolean(parameters.get(SKIP_SCRIPTS));
    }

    /** Whether the publish asked for certification. */
    public boolean certification() {
        return Boolean.parseBoolean(parameters.get(CERTIFICATION));
    }
}
