package io.connectstage.deployment;

import java.util.List;
import java.util.Objects;

/**
 * An update request of a Deployment: the version the client expects it to have, and the actions
 * to apply in order, all or nothing.
 *
 * <pre>{@code
 * DeploymentUpdate.of(3, DeploymentRedeployAction.keepingValues());
 * }</pre>
 */
public record DeploymentUpdate(long version, List<DeploymentUpdateAction> actions) {

    public DeploymentUpdate {
        Objects.requireNonNull(actions, "actions is null");
        actions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(actions));
    }

    public static DeploymentUpdate of(long version, DeploymentUpdateAction... actions) {
        return new DeploymentUpdate(version, java.util.Arrays.asList(actions));
    }
}
