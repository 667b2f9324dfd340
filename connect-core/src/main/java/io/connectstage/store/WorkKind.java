package io.connectstage.store;

import java.util.Locale;

/** What a work item asks a processor to do; its wire spelling is how stores keep it. */
public enum WorkKind {
    /** Analyze the repository and settle a pending preview request. */
    PREVIEW,
    /** Analyze the repository and settle a publish request (parameter {@code certification}). */
    PUBLISH,
    /** Start the build of a queued Deployment: {@code Queued → Deploying} (its id is the Deployment's). */
    DEPLOY,
    /** Finish the build of a deploying Deployment: {@code Deploying → Deployed | Failed}. */
    BUILD,
    /** Undeploy an undeploying Deployment: gone, or {@code UndeployFailed}. */
    UNDEPLOY,
    /**
     * Keep a {@code Deployed} Deployment's applications running: held by the processor whose
     * runner runs them, for as long as it renews the lease. One item per Deployment
     * ({@link Work#running}), written already claimed by the build that started them; a processor
     * with a runner that claims it once its lease ended (its holder died or closed) starts them again.
     */
    RUN;

    /** Whether this kind is a step of a Deployment (kept by a {@link DeploymentStore}). */
    public boolean isDeploymentStep() {
        return this == DEPLOY || this == BUILD || this == UNDEPLOY;
    }

    /** Whether a {@link DeploymentStore} keeps work of this kind: a step, or the run of the applications. */
    public boolean isDeploymentWork() {
        return isDeploymentStep() || this == RUN;
    }

    /**
     * The spelling a store keeps: {@code preview}, {@code publish}, {@code deploy}, {@code build},
     * {@code undeploy}, {@code run}.
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this spelling. */
    public static WorkKind ofWireValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
