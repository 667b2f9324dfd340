package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.Objects;

/** {@code hold}: the builds of the Deployment start ({@code Deploying}) and do not finish until released. */
record HoldBuilds(ResourceRef deployment) implements FaultCommand {
    static final String ACTION = "hold";

    HoldBuilds {
        Objects.requireNonNull(deployment, "deployment is null");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void applyTo(DeploymentFaults faults, ProjectSpace space) {
        faults.hold(space.projectKey(), deployment);
    }
}
