package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * One update action of a Deployment. The API has one, {@code redeploy}; the interface is sealed
 * like the connector's actions so that a new one is one record and one {@code permits} entry. The
 * JSON discriminator is {@code action}; each record names its value with {@code @JsonTypeName}.
 *
 * <p>An action never bumps the version: a request does that once, in {@link Deployments#apply}.
 *
 * <pre>{@code
 * Either<Seq<ConnectError>, Deployment> queued = DeploymentRedeployAction.keepingValues().applyTo(deployment, context);
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
public sealed interface DeploymentUpdateAction permits DeploymentRedeployAction {

    /** This action applied to {@code current}, or every error that prevents it. */
    Either<Seq<ConnectError>, Deployment> applyTo(Deployment current, DeploymentUpdateContext context);
}
