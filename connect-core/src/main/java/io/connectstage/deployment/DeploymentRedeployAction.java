package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.connectstage.connector.ConnectorConfigurationApplication;
import io.connectstage.connector.ConnectorGlobalConfiguration;
import io.connectstage.connector.Lists;
import io.connectstage.connector.SecuredConfigurationKey;
import io.connectstage.connector.StandardConfigurationKey;
import io.connectstage.error.ConnectError;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redeploy}: new configuration values (omitted ones are kept), and the Deployment is
 * queued again with a new build; allowed from {@code Draft}, {@code Deployed}, {@code Failed} and
 * {@code UndeployFailed}, otherwise {@code DeploymentInvalidStatusTransition}. With
 * {@code updateConnector} the Deployment takes the Connector as it is now (from the context;
 * {@code DeploymentConnectorUpdateFailure} when there is none): applications it added get their
 * defaults, ones it removed go. {@code skipScripts} is for the processing of the build.
 *
 * <p>The RAML types its {@code globalConfiguration} as {@code ConnectorGlobalConfiguration} (keys
 * with descriptions), which cannot carry values; it is read here as values, like the draft's.
 *
 * <pre>{@code
 * new DeploymentRedeployAction(false, List.of(DeploymentConfigurationApplication.of("service").withSecured("API_KEY", "new")), null, false);
 * }</pre>
 */
@JsonTypeName("redeploy")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"skipScripts", "configurationValues", "globalConfiguration", "updateConnector"})
public record DeploymentRedeployAction(
        Boolean skipScripts,
        List<DeploymentConfigurationApplication> configurationValues,
        DeploymentGlobalConfiguration globalConfiguration,
        Boolean updateConnector) implements DeploymentUpdateAction {

    public DeploymentRedeployAction {
        configurationValues = Lists.inputCopy(configurationValues);
    }

    /** A redeploy that keeps every value and the Connector. */
    public static DeploymentRedeployAction keepingValues() {
        return new DeploymentRedeployAction(null, null, null, null);
    }

    /** Whether the scripts are skipped (default {@code false}). */
    public boolean skipsScripts() {
        return Boolean.TRUE.equals(skipScripts);
    }

    /** Whether the Connector is updated to its latest state (default {@code false}). */
    public boolean updatesConnector() {
        return Boolean.TRUE.equals(updateConnector);
    }

    @Override
    public Either<Seq<ConnectError>, Deployment> applyTo(Deployment current, DeploymentUpdateContext context) {
        List<ConnectError> errors = new ArrayList<>();
        Either<ConnectError, Deployment> queued = DeploymentLifecycle.requestRedeploy(current, context.now());
        if (queued.isLeft()) {
            errors.add(queued.getLeft());
        }
        List<DeploymentConfigurationApplication> given = configurationValues == null ? List.of() : configurationValues;
        if (configurationValues != null) {
            if (configurationValues.isEmpty()) {
                errors.add(DeploymentErrors.applicationRequired());
            }
            errors.addAll(Configurations.shapeErrors("configurationValues", configurationValues));
        }
        if (globalConfiguration != null) {
            errors.addAll(Configurations.valueShapeErrors("globalConfiguration",
                    globalConfiguration.standardConfiguration(), globalConfiguration.securedConfiguration()));
        }
        DeploymentConnector snapshot = current.connector();
        if (updatesConnector()) {
            DeployableConnector latest = context.latestConnector();
            if (latest == null || !latest.id().equals(current.connector().id())) {
                errors.add(DeploymentErrors.connectorUpdateFailure(current, "the Connector no longer exists"));
            } else if (!latest.supportedRegions().isEmpty() && !latest.supportedRegions().contains(current.deployedRegion())) {
                errors.add(DeploymentErrors.connectorUpdateFailure(current,
                        "the Connector no longer supports region " + current.deployedRegion().wireValue()));
            } else {
                snapshot = DeploymentConnector.of(latest);
            }
        }
        List<ConnectorConfigurationApplication> declared = snapshot.configurations() == null
                ? declaredBy(current) : snapshot.configurations();
        ConnectorGlobalConfiguration declaredGlobal = snapshot.globalConfiguration();
        Configurations.Resolved resolved = Configurations.redeploy(current, declared, declaredGlobal, given, globalConfiguration,
                updatesConnector());
        errors.addAll(resolved.errors());
        if (!errors.isEmpty()) {
            return Either.left(io.vavr.collection.List.ofAll(errors));
        }
        Deployment next = queued.get().toBuilder().connector(snapshot).applications(resolved.applications())
                .globalConfiguration(resolved.global()).build();
        return Either.right(next);
    }

    /**
     * What a Deployment whose Connector snapshot lacks its configurations (one read from JSON
     * without them) declares: the keys it has values for, none required.
     */
    private static List<ConnectorConfigurationApplication> declaredBy(Deployment d) {
        return d.applications().stream().map(app -> new ConnectorConfigurationApplication(app.applicationName(), null,
                app.standardConfiguration().stream().map(v -> new StandardConfigurationKey(v.key(), null, null, null)).toList(),
                app.securedConfiguration().stream().map(v -> new SecuredConfigurationKey(v.key(), null, null)).toList()))
                .toList();
    }
}
