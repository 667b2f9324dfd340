package io.connectstage.deployment;

import io.connectstage.connector.Region;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorCode;
import java.util.Map;

/**
 * The errors of Deployments and their logs, one factory per situation, with the message templates
 * of the API reference ({@code types/error/Deployment*.raml}). The RAML declares no HTTP status
 * for these; the create and update endpoints answer 400 for a request that breaks a rule, so all
 * of them do (see {@link ErrorCode}). No message ever holds a secured value: the factories take
 * keys and names only.
 *
 * <pre>{@code
 * DeploymentErrors.unsupportedRegion(Region.US_EAST_2_AWS).message(); // "Deployment unsupported region us-east-2.aws"
 * }</pre>
 */
public final class DeploymentErrors {
    private DeploymentErrors() {
    }

    private static ConnectError of(ErrorCode code, String message) {
        return new ConnectError(code, message, Map.of());
    }

    /** Which kind of key a configuration error is about, as the RAML messages say it. */
    static String kind(boolean secured) {
        return secured ? "secret" : "standard";
    }

    public static ConnectError notPreviewable(String connector, long version) {
        return of(ErrorCode.CONNECTOR_STAGED_NOT_PREVIEWABLE,
                "Connector " + connector + " with version " + version + " is not previewable");
    }

    /**
     * The connector reference names no connector this project may deploy: none at that version,
     * or a private one the project is not among the private projects of.
     */
    public static ConnectError connectorReferenceNotFound(String identifier, Long version) {
        return of(ErrorCode.CONNECTOR_REFERENCE_NOT_FOUND, "Connector '" + identifier + "' with version "
                + (version == null ? "latest" : version) + " not found");
    }

    /**
     * The connector reference names a connector whose first publish is still being processed
     * (status {@code Processing}): nothing is published to deploy yet. The reference's
     * {@code ConnectorReferenceNotFound}, with the cause and what to do in {@code detailedErrorMessage}.
     */
    public static ConnectError connectorStillProcessing(String identifier, Long version) {
        return new ConnectError(ErrorCode.CONNECTOR_REFERENCE_NOT_FOUND, connectorReferenceNotFound(identifier, version).message(),
                Map.of("detailedErrorMessage", "The Connector '" + identifier + "' is not published yet: its publish request "
                        + "is still being processed (status Processing). Deploy it once the ConnectorStaged is Published, "
                        + "or deploy the ConnectorStaged as a preview."));
    }

    /**
     * The project may not use this private connector: it neither created it nor is among its
     * {@code privateProjects}. The reference's {@code AuthorizationError} ("Access denied"), with
     * the reason and the remedy in {@code detailedErrorMessage}; project keys and the connector's
     * key are no secret.
     */
    public static ConnectError accessDenied(String connector, String projectKey) {
        return new ConnectError(ErrorCode.AUTHORIZATION_ERROR, "Access denied", Map.of("detailedErrorMessage",
                "The Connector " + connector + " is private: project '" + projectKey
                        + "' did not create it and is not among its privateProjects. The project that created it can "
                        + "add '" + projectKey + "' with the addPrivateProject update action."));
    }

    /**
     * The project may not deploy a preview of this ConnectorStaged: a preview goes only into the
     * project that created the connector and those of its {@code privateProjects}, and this one is
     * neither. The reference's {@code AuthorizationError} ("Access denied"), naming the missing
     * {@code privateProjects} entry.
     */
    public static ConnectError previewAccessDenied(String connector, String projectKey) {
        return new ConnectError(ErrorCode.AUTHORIZATION_ERROR, "Access denied", Map.of("detailedErrorMessage",
                "A preview of the Connector " + connector + " can be deployed only into the project that created it "
                        + "and its privateProjects: '" + projectKey + "' is not among its privateProjects. The project "
                        + "that created it can add '" + projectKey + "' with the addPrivateProject update action."));
    }

    public static ConnectError invalidType(String connector, DeploymentType type, String allowed) {
        return of(ErrorCode.DEPLOYMENT_INVALID_TYPE, "The Connector " + connector + " cannot be deployed as a '"
                + type.wireValue() + "' type. Only " + allowed + " types are allowed.");
    }

    public static ConnectError productionDeactivated() {
        return of(ErrorCode.DEPLOYMENT_PRODUCTION_DEACTIVATED, "Deployments to production are disabled for this Project. "
                + "Please contact support to enable production deployments.");
    }

    public static ConnectError unsupportedRegion(Region region) {
        return of(ErrorCode.DEPLOYMENT_UNSUPPORTED_REGION, "Deployment unsupported region " + region.wireValue());
    }

    public static ConnectError unknownApplicationConfiguration(String applicationName) {
        return of(ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION,
                "Deployment does not require configuration for application named '" + applicationName + "'.");
    }

    public static ConnectError unknownApplicationConfigurationKey(boolean secured, String key, String applicationName) {
        return of(ErrorCode.DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION_KEY, "Deployment does not require "
                + kind(secured) + " configuration with key " + key + " for application named " + applicationName + ".");
    }

    public static ConnectError unknownGlobalConfigurationKey(boolean secured, String key) {
        return of(ErrorCode.DEPLOYMENT_UNKNOWN_GLOBAL_CONFIGURATION_KEY,
                "Deployment global configuration does not require " + kind(secured) + " with key " + key + ".");
    }

    public static ConnectError missingGlobalConfigurationKey(boolean secured, String key) {
        return of(ErrorCode.DEPLOYMENT_MISSING_GLOBAL_CONFIGURATION_KEY,
                "Deployment global configuration requires " + kind(secured) + " with key " + key + ".");
    }

    public static ConnectError emptyRequiredGlobalConfigurationKey(boolean secured, String key) {
        return of(ErrorCode.DEPLOYMENT_EMPTY_REQUIRED_GLOBAL_CONFIGURATION_KEY,
                "Deployment requires a non empty value for " + kind(secured) + " global configuration with key " + key + ".");
    }

    /**
     * A required key of an application has no value (none given, no default) or an empty one. The
     * RAML has no code of its own for this (its Missing/Empty codes are for global keys), so it is
     * {@code InvalidJsonInput} naming the field: {@code configurations[app-1].securedConfiguration.API_SECRET}.
     */
    public static ConnectError missingApplicationConfigurationKey(String applicationName, boolean secured, String key, boolean empty) {
        return ConnectError.invalidField("configurations[" + applicationName + "]."
                + (secured ? "securedConfiguration." : "standardConfiguration.") + key,
                empty ? "the required " + kind(secured) + " configuration key has an empty value"
                        : "the required " + kind(secured) + " configuration key has no value");
    }

    public static ConnectError applicationRequired() {
        return of(ErrorCode.DEPLOYMENT_APPLICATION_REQUIRED, "A Deployment requires at least one application");
    }

    public static ConnectError applicationDoNotBelong(Deployment deployment, String applicationName) {
        return of(ErrorCode.DEPLOYMENT_APPLICATION_DO_NOT_BELONG, "Deployment with " + deployment.describe()
                + " does not include application: " + applicationName);
    }

    public static ConnectError connectorUpdateFailure(Deployment deployment, String cause) {
        return of(ErrorCode.DEPLOYMENT_CONNECTOR_UPDATE_FAILURE, "Deployment with " + deployment.describe()
                + " failed while trying to update Connector " + describeConnector(deployment.connector())
                + " (cause: " + cause + ")");
    }

    /**
     * A move the status table does not have. From a status that is under way the message is the
     * RAML's ({@code Invalid status change: Already deploying}), else it names both statuses.
     */
    public static ConnectError invalidStatusTransition(DeploymentStatus from, DeploymentStatus to) {
        String why = switch (from) {
            case QUEUED -> "Already queued";
            case DEPLOYING -> "Already deploying";
            case UNDEPLOYING -> "Already undeploying";
            default -> "from " + from.wireValue() + " to " + (to == null ? "removed" : to.wireValue());
        };
        return of(ErrorCode.DEPLOYMENT_INVALID_STATUS_TRANSITION, "Invalid status change: " + why);
    }

    public static ConnectError applicationDoesNotExist(String applicationName) {
        return of(ErrorCode.DEPLOYMENT_APPLICATION_DOES_NOT_EXIST,
                "Deployment does not have an application named " + applicationName + ".");
    }

    public static ConnectError logInvalidDate(String detail) {
        return new ConnectError(ErrorCode.DEPLOYMENT_LOG_INVALID_DATE, "Invalid start/end date",
                Map.of("detailedErrorMessage", detail));
    }

    public static ConnectError logInvalidPageToken(String pageToken) {
        return of(ErrorCode.DEPLOYMENT_LOG_INVALID_PAGE_TOKEN, "Invalid page token: " + pageToken);
    }

    public static ConnectError logMissingApplicationName() {
        return of(ErrorCode.DEPLOYMENT_LOG_MISSING_APPLICATION_NAME, "Missing application name when fetching deployment logs");
    }

    static String describeConnector(DeploymentConnector c) {
        return c.key() == null ? "id=" + c.id() : "id=" + c.id() + " or key=" + c.key();
    }
}
