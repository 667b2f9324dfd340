package io.connectstage.error;

/**
 * Every error code of the Connect API, as the RAML's error types ({@code types/error}) spell
 * them, and the OAuth 2.0 codes of the authorization service and of a bearer token (RFC 6749
 * section 5.2, RFC 6750 section 3.1), each with the HTTP status it answers with. Connect has no
 * {@code InvalidInput}: a field that breaks its rule is {@link #INVALID_JSON_INPUT} with a
 * {@code detailedErrorMessage} naming the field.
 *
 * <p>The RAML gives the status of some codes only (404 {@code ResourceNotFound}, 401 for the
 * security scheme); the others follow the commercetools conventions: a request the client must
 * change is 400, a version or state conflict 409, a missing or bad token 401, a token without the
 * scope 403, a failure of the server 500 and of its infrastructure 502.
 */
public enum ErrorCode {
    // the request: 400
    INVALID_JSON_INPUT("InvalidJsonInput", 400),
    INVALID_QUERY_PARAM("InvalidQueryParam", 400),
    INVALID_PATH_PARAM("InvalidPathParam", 400),
    DUPLICATE_FIELD("DuplicateField", 400),
    FIELD_VALUE_NOT_FOUND("FieldValueNotFound", 400),
    // connectors: 400
    CONNECTOR_STAGED_NOT_PRIVATE("ConnectorStagedNotPrivate", 400),
    CONNECTOR_STAGED_PREVIEW_REQUEST_UNDER_PROCESS("ConnectorStagedPreviewRequestUnderProcess", 400),
    CONNECTOR_STAGED_IN_CERTIFICATION("ConnectorStagedInCertification", 400),
    CONNECTOR_ALREADY_CERTIFIED("ConnectorAlreadyCertified", 400),
    CONNECTOR_STAGED_NOT_PREVIEWABLE("ConnectorStagedNotPreviewable", 400),
    CONNECTOR_REFERENCE_NOT_FOUND("ConnectorReferenceNotFound", 400),
    GIT_REPOSITORY_NOT_REACHABLE("GitRepositoryNotReachable", 400),
    CONNECTOR_SPECIFICATION_FILE_NOT_FOUND("ConnectorSpecificationFileNotFound", 400),
    CONNECTOR_SPECIFICATION_FILE_NOT_VALID("ConnectorSpecificationFileNotValid", 400),
    // deployments: 400
    DEPLOYMENT_APPLICATION_DO_NOT_BELONG("DeploymentApplicationDoNotBelong", 400),
    DEPLOYMENT_APPLICATION_DOES_NOT_EXIST("DeploymentApplicationDoesNotExist", 400),
    DEPLOYMENT_APPLICATION_REQUIRED("DeploymentApplicationRequired", 400),
    DEPLOYMENT_CONNECTOR_UPDATE_FAILURE("DeploymentConnectorUpdateFailure", 400),
    DEPLOYMENT_EMPTY_REQUIRED_GLOBAL_CONFIGURATION_KEY("DeploymentEmptyRequiredGlobalConfigurationKey", 400),
    DEPLOYMENT_INVALID_STATUS_TRANSITION("DeploymentInvalidStatusTransition", 400),
    DEPLOYMENT_INVALID_TYPE("DeploymentInvalidType", 400),
    DEPLOYMENT_LOG_INVALID_DATE("DeploymentLogInvalidDate", 400),
    DEPLOYMENT_LOG_INVALID_PAGE_TOKEN("DeploymentLogInvalidPageToken", 400),
    DEPLOYMENT_LOG_MISSING_APPLICATION_NAME("DeploymentLogMissingApplicationName", 400),
    DEPLOYMENT_MISSING_GLOBAL_CONFIGURATION_KEY("DeploymentMissingGlobalConfigurationKey", 400),
    DEPLOYMENT_PRODUCTION_DEACTIVATED("DeploymentProductionDeactivated", 400),
    DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION("DeploymentUnknownApplicationConfiguration", 400),
    DEPLOYMENT_UNKNOWN_APPLICATION_CONFIGURATION_KEY("DeploymentUnknownApplicationConfigurationKey", 400),
    DEPLOYMENT_UNKNOWN_GLOBAL_CONFIGURATION_KEY("DeploymentUnknownGlobalConfigurationKey", 400),
    DEPLOYMENT_UNSUPPORTED_REGION("DeploymentUnsupportedRegion", 400),
    // OAuth 2.0 (RFC 6749 5.2: token requests; RFC 6750 3.1: bearer tokens)
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    // authentication and authorization of the Connect API
    AUTHENTICATION_ERROR("AuthenticationError", 401),
    AUTHORIZATION_ERROR("AuthorizationError", 403),
    // resources and state
    RESOURCE_NOT_FOUND("ResourceNotFound", 404),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409),
    // the server
    GENERAL("General", 500),
    BAD_GATEWAY("BadGateway", 502);

    private final String wireValue;
    private final int httpStatus;

    ErrorCode(String wireValue, int httpStatus) {
        this.wireValue = wireValue;
        this.httpStatus = httpStatus;
    }

    /** The code as the API spells it, e.g. {@code InvalidJsonInput}. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant with this wire spelling, if there is one. */
    public static java.util.Optional<ErrorCode> fromWire(String value) {
        for (ErrorCode code : values()) {
            if (code.wireValue.equals(value)) {
                return java.util.Optional.of(code);
            }
        }
        return java.util.Optional.empty();
    }

    /** The HTTP status code a response whose first error has this code answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
