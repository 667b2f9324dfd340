package io.connectstage.error;

/**
 * The error codes of the Connect API that this library produces, with the HTTP status each one
 * answers with. Connect has no {@code InvalidInput}: a field that breaks its rule is
 * {@link #INVALID_JSON_INPUT} with a {@code detailedErrorMessage} naming the field.
 */
public enum ErrorCode {
    INVALID_JSON_INPUT("InvalidJsonInput", 400),
    INVALID_QUERY_PARAM("InvalidQueryParam", 400),
    INVALID_PATH_PARAM("InvalidPathParam", 400),
    DUPLICATE_FIELD("DuplicateField", 400),
    FIELD_VALUE_NOT_FOUND("FieldValueNotFound", 400),
    CONNECTOR_STAGED_NOT_PRIVATE("ConnectorStagedNotPrivate", 400),
    CONNECTOR_STAGED_PREVIEW_REQUEST_UNDER_PROCESS("ConnectorStagedPreviewRequestUnderProcess", 400),
    CONNECTOR_STAGED_IN_CERTIFICATION("ConnectorStagedInCertification", 400),
    CONNECTOR_ALREADY_CERTIFIED("ConnectorAlreadyCertified", 400),
    CONNECTOR_STAGED_NOT_PREVIEWABLE("ConnectorStagedNotPreviewable", 400),
    GIT_REPOSITORY_NOT_REACHABLE("GitRepositoryNotReachable", 400),
    CONNECTOR_SPECIFICATION_FILE_NOT_FOUND("ConnectorSpecificationFileNotFound", 400),
    CONNECTOR_SPECIFICATION_FILE_NOT_VALID("ConnectorSpecificationFileNotValid", 400),
    RESOURCE_NOT_FOUND("ResourceNotFound", 404),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409),
    GENERAL("General", 500),
    CONNECTOR_REFERENCE_NOT_FOUND("ConnectorReferenceNotFound", 400),
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
    DEPLOYMENT_UNSUPPORTED_REGION("DeploymentUnsupportedRegion", 400);

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
