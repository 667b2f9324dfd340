package io.connectstage.deployment;

import static io.connectstage.deployment.DeploymentStatus.DEPLOYED;
import static io.connectstage.deployment.DeploymentStatus.DEPLOYING;
import static io.connectstage.deployment.DeploymentStatus.DRAFT;
import static io.connectstage.deployment.DeploymentStatus.FAILED;
import static io.connectstage.deployment.DeploymentStatus.QUEUED;
import static io.connectstage.deployment.DeploymentStatus.UNDEPLOYING;
import static io.connectstage.deployment.DeploymentStatus.UNDEPLOY_FAILED;

import io.connectstage.connector.ApplicationType;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorReportEntry;
import io.connectstage.connector.ConnectorReportEntryType;
import io.connectstage.error.ConnectError;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state machine of a Deployment, written down once as a table, and the pure functions that
 * make its moves.
 *
 * <pre>
 * Draft          -> Queued (redeploy)      -> Undeploying (delete)
 * Queued         -> Deploying (the build starts)
 * Deploying      -> Deployed | Failed (the build ends)
 * Deployed       -> Queued (redeploy)      -> Undeploying (delete)
 * Failed         -> Queued (redeploy)      -> Undeploying (delete)
 * Undeploying    -> UndeployFailed | gone (the undeploy ends; gone = removed from the store)
 * UndeployFailed -> Queued (redeploy)      -> Undeploying (delete)
 * </pre>
 *
 * <p>A create makes a Deployment {@code Queued}. The request moves ({@link #requestRedeploy},
 * {@link #requestUndeploy}) are asked for by clients; a move the table does not have answers
 * {@code DeploymentInvalidStatusTransition} ("Invalid status change: Already deploying"). The
 * outcome moves ({@link #startDeploying}, {@link #deployed}, {@link #failed},
 * {@link #undeployFailed}, {@link #undeployed}) are made by the processing of a Deployment; each is
 * a change of its own, bumps the version and sets {@code lastModifiedAt}. Time comes in as an argument; nothing here reads a clock.
 */
public final class DeploymentLifecycle {

    /** Every allowed status move: from → the statuses it may go to. */
    public static final Map<DeploymentStatus, Set<DeploymentStatus>> STATUS_EDGES = statusEdges();

    /** The statuses from which a Deployment may be removed ("gone"): only a finished undeploy. */
    public static final Set<DeploymentStatus> REMOVABLE_FROM = Set.of(UNDEPLOYING);

    /** The statuses a redeploy is allowed from, as the RAML of {@code redeploy} lists them. */
    public static final Set<DeploymentStatus> REDEPLOYABLE = Set.copyOf(EnumSet.of(DRAFT, DEPLOYED, FAILED, UNDEPLOY_FAILED));

    private DeploymentLifecycle() {
    }

    private static Map<DeploymentStatus, Set<DeploymentStatus>> statusEdges() {
        Map<DeploymentStatus, Set<DeploymentStatus>> edges = new EnumMap<>(DeploymentStatus.class);
        edges.put(DRAFT, EnumSet.of(QUEUED, UNDEPLOYING));
        edges.put(QUEUED, EnumSet.of(DEPLOYING));
        edges.put(DEPLOYING, EnumSet.of(DEPLOYED, FAILED));
        edges.put(DEPLOYED, EnumSet.of(QUEUED, UNDEPLOYING));
        edges.put(FAILED, EnumSet.of(QUEUED, UNDEPLOYING));
        edges.put(UNDEPLOYING, EnumSet.of(UNDEPLOY_FAILED));
        edges.put(UNDEPLOY_FAILED, EnumSet.of(QUEUED, UNDEPLOYING));
        edges.replaceAll((from, to) -> Set.copyOf(to));
        return Map.copyOf(edges);
    }

    /** Whether the table has the move {@code from → to}. */
    public static boolean allows(DeploymentStatus from, DeploymentStatus to) {
        return STATUS_EDGES.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * The id of the build that the request made at {@code version} starts: derived, so that the
     * core needs no id source, and different for every request since each bumps the version.
     */
    public static String buildId(String deploymentId, long version) {
        return UUID.nameUUIDFromBytes((deploymentId + "/build/" + version).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of an application deployment: derived from the Deployment's id and the application's name. */
    public static String applicationId(String deploymentId, String applicationName) {
        return UUID.nameUUIDFromBytes((deploymentId + "/application/" + applicationName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ---- request moves ----

    /**
     * A redeploy: {@code Queued}, with a new build whose report starts with one entry. Not allowed
     * while queued, deploying or undeploying. The version is not bumped here: the request does
     * that once ({@link Deployments#apply}).
     */
    public static Either<ConnectError, Deployment> requestRedeploy(Deployment d, Instant now) {
        return move(d, QUEUED).map(moved -> moved.withDetails(newBuild(d, now, "Deployment queued for redeployment")));
    }

    /** A delete: {@code Undeploying}, version + 1; the processing then removes the Deployment. */
    public static Either<ConnectError, Deployment> requestUndeploy(Deployment d, Instant now) {
        return move(d, UNDEPLOYING).map(moved -> bump(moved.withDetails(new DeploymentDetails(
                d.details().build().withEntry(info(now, "Undeployment queued")))), now));
    }

    /** A delete that names the version it expects: {@code ConcurrentModification} when it is not the current one. */
    public static Either<ConnectError, Deployment> requestUndeploy(Deployment d, long expectedVersion, Instant now) {
        if (expectedVersion != d.version()) {
            return Either.left(ConnectError.concurrentModification(d.describe(), expectedVersion, d.version()));
        }
        return requestUndeploy(d, now);
    }

    // ---- outcome moves; each bumps the version ----

    /** The build starts: {@code Queued → Deploying}. */
    public static Either<ConnectError, Deployment> startDeploying(Deployment d, Instant now) {
        return settle(d, DEPLOYING, List.of(info(now, "Deployment started")), now);
    }

    /**
     * The build succeeded: {@code Deploying → Deployed}. Every application gets what its deployment
     * produces, unless it has it already (a redeploy keeps them): a {@code url} for a service and a
     * Merchant Center application, a Pub/Sub {@code topic} for an event application. A job keeps
     * its {@code schedule}. {@code entries} (the steps' own report entries) come before the closing one.
     */
    public static Either<ConnectError, Deployment> deployed(Deployment d, List<ConnectorReportEntry> entries, Instant now) {
        List<ConnectorReportEntry> all = new ArrayList<>(entries);
        all.add(info(now, "Deployment succeeded"));
        return settle(d, DEPLOYED, all, now).map(s -> s.withApplications(s.applications().stream()
                .map(app -> withEndpoint(s, app)).toList()));
    }

    /** The build failed: {@code Deploying → Failed}; {@code entries} say why. */
    public static Either<ConnectError, Deployment> failed(Deployment d, List<ConnectorReportEntry> entries, Instant now) {
        List<ConnectorReportEntry> all = new ArrayList<>(entries);
        all.add(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Deployment failed", null, now, null));
        return settle(d, FAILED, all, now);
    }

    /**
     * The build was given up (its step was started too often and never finished): {@code Failed},
     * from {@code Deploying} or, when even the start of the build never finished, from
     * {@code Queued} through {@code Deploying} in the same change (both moves are in the table;
     * the version is bumped once). {@code entries} say why.
     */
    public static Either<ConnectError, Deployment> buildAbandoned(Deployment d, List<ConnectorReportEntry> entries,
            Instant now) {
        Deployment deploying = d.status() == QUEUED ? move(d, DEPLOYING).getOrElse(d) : d;
        return failed(deploying, entries, now);
    }

    /** The undeploy failed: {@code Undeploying → UndeployFailed}; {@code entries} say why. */
    public static Either<ConnectError, Deployment> undeployFailed(Deployment d, List<ConnectorReportEntry> entries, Instant now) {
        List<ConnectorReportEntry> all = new ArrayList<>(entries);
        all.add(new ConnectorReportEntry(ConnectorReportEntryType.ERROR, "Undeployment failed", null, now, null));
        return settle(d, UNDEPLOY_FAILED, all, now);
    }

    /**
     * The undeploy succeeded: the Deployment is gone. Answers the Deployment to remove (as it is),
     * or {@code DeploymentInvalidStatusTransition} when it is not undeploying.
     */
    public static Either<ConnectError, Deployment> undeployed(Deployment d) {
        if (!REMOVABLE_FROM.contains(d.status())) {
            return Either.left(DeploymentErrors.invalidStatusTransition(d.status(), null));
        }
        return Either.right(d);
    }

    // ---- plumbing ----

    static Either<ConnectError, Deployment> move(Deployment d, DeploymentStatus to) {
        if (!allows(d.status(), to)) {
            return Either.left(DeploymentErrors.invalidStatusTransition(d.status(), to));
        }
        return Either.right(d.withStatus(to));
    }

    private static Either<ConnectError, Deployment> settle(Deployment d, DeploymentStatus to, List<ConnectorReportEntry> entries,
            Instant now) {
        return move(d, to).map(moved -> bump(moved.withDetails(new DeploymentDetails(d.details().build().withEntries(entries))),
                now));
    }

    /** A change of its own: version + 1, last modified {@code now}. */
    private static Deployment bump(Deployment d, Instant now) {
        return d.toBuilder().version(d.version() + 1).lastModifiedAt(now).build();
    }

    static DeploymentDetails newBuild(Deployment d, Instant now, String title) {
        return new DeploymentDetails(DeploymentDetailsBuild.of(buildId(d.id(), d.version())).withEntry(info(now, title)));
    }

    static ConnectorReportEntry info(Instant now, String title) {
        return new ConnectorReportEntry(ConnectorReportEntryType.INFORMATION, title, null, now, null);
    }

    private static ApplicationDeployment withEndpoint(Deployment d, ApplicationDeployment app) {
        ApplicationType type = typeOf(d, app.applicationName());
        if (type == null) {
            return app;
        }
        String name = app.applicationName().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case SERVICE, MERCHANT_CENTER_CUSTOM_APPLICATION, MERCHANT_CENTER_CUSTOM_VIEW -> app.url() != null ? app
                    : app.withUrl("https://service-" + app.shortId() + "." + d.deployedRegion().wireValue()
                            + ".commercetools.app/" + name);
            case EVENT -> app.withTopic(app.eventTopic());
            default -> app;
        };
    }

    private static ApplicationType typeOf(Deployment d, String applicationName) {
        if (d.connector().configurations() == null) {
            return null;
        }
        for (ConnectorConfigurationApplication app : d.connector().configurations()) {
            if (app.applicationName().equals(applicationName)) {
                return app.applicationType();
            }
        }
        return null;
    }
}
