package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.Objects;

/** {@code failNextUndeploy}: the next undeploy of the Deployment fails, once; it ends {@code UndeployFailed}. */
record FailNextUndeploy(ResourceRef deployment) implements FaultCommand {
    static final String ACTION = "failNextUndeploy";

    FailNextUndeploy {
        Objects.requireNonNull(deployment, "deployment is null");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void applyTo(DeploymentFaults faults, ProjectSpace space) {
        faults.failNextUndeploy(space.projectKey(), deployment);
    }
}
