package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.Objects;

/** {@code release}: ends a {@code hold} made with the same reference; a held build finishes. */
record ReleaseBuilds(ResourceRef deployment) implements FaultCommand {
    static final String ACTION = "release";

    ReleaseBuilds {
        Objects.requireNonNull(deployment, "deployment is null");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void applyTo(DeploymentFaults faults, ProjectSpace space) {
        faults.release(space.projectKey(), deployment);
    }
}
