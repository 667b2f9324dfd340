package io.connectstage.deployment;

import java.time.Instant;
import java.util.Objects;

/**
 * What an update of a Deployment needs from outside the core: the time of the request, and the
 * Connector as it is now ({@code null} when it no longer exists), for a redeploy with
 * {@code updateConnector}. The service makes one per request.
 *
 * <p>{@code new DeploymentUpdateContext(now, DeployableConnector.published(connector, staged))}
 */
public record DeploymentUpdateContext(Instant now, DeployableConnector latestConnector) {

    public DeploymentUpdateContext {
        Objects.requireNonNull(now, "now is null");
    }

    /** A context without the latest Connector: a redeploy with {@code updateConnector} then fails. */
    public static DeploymentUpdateContext at(Instant now) {
        return new DeploymentUpdateContext(now, null);
    }
}
