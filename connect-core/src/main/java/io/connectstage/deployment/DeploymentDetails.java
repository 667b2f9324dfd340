package io.connectstage.deployment;

import java.util.Objects;

/** Additional details of a Deployment: its current build. */
public record DeploymentDetails(DeploymentDetailsBuild build) {

    public DeploymentDetails {
        Objects.requireNonNull(build, "build is null");
    }
}
