package io.connectstage.http;

import io.connectstage.processing.DeploymentFaults;
import io.connectstage.resource.ResourceRef;
import java.util.Objects;

/**
 * {@code clear}: forgets every fault of the Deployment and releases its hold, both ways it may
 * have been named: by the reference given, and by the other name of the Deployment it names, if
 * that Deployment exists (its id for a key, its key, if it has one, for an id).
 */
record ClearFaults(ResourceRef deployment) implements FaultCommand {
    static final String ACTION = "clear";

    ClearFaults {
        Objects.requireNonNull(deployment, "deployment is null");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void applyTo(DeploymentFaults faults, ProjectSpace space) {
        String project = space.projectKey();
        faults.clear(project, deployment);
        space.deployments().get(deployment).toOption().forEach(d -> {
            faults.clear(project, ResourceRef.id(d.id()));
            if (d.key() != null) {
                faults.clear(project, ResourceRef.key(d.key()));
            }
        });
    }
}
