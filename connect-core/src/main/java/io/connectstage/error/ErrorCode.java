package io.connectstage.error;

/**
 * The error codes of the Connect API that this library produces, with the HTTP status each one
 * answers with. Connect has no {@code InvalidInput}: a field that breaks its rule is
 * {@link #InvalidJsonInput} with a {@code detailedErrorMessage} naming the field.
 */
public enum ErrorCode {
    InvalidJsonInput(400),
    InvalidQueryParam(400),
    InvalidPathParam(400),
    DuplicateField(400),
    FieldValueNotFound(400),
    ConnectorStagedNotPrivate(400),
    ConnectorStagedPreviewRequestUnderProcess(400),
    ConnectorStagedInCertification(400),
    ConnectorAlreadyCertified(400),
    ConnectorStagedNotPreviewable(400),
    GitRepositoryNotReachable(400),
    ConnectorSpecificationFileNotFound(400),
    ConnectorSpecificationFileNotValid(400),
    ResourceNotFound(404),
    ConcurrentModification(409),
    General(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status code a response whose first error has this code answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
