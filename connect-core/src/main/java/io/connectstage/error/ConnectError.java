package io.connectstage.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One error in the commercetools error format: a {@code code}, a {@code message}, and the extra
 * fields of that code ({@code detailedErrorMessage}, {@code expectedVersion}, {@code field}, ...)
 * in the order they appear on the wire. Made through the static factories, one per situation.
 *
 * <pre>{@code
 * ConnectError e = ConnectError.invalidField("key", "must be 2 to 256 characters long");
 * e.code();                            // InvalidJsonInput
 * e.fields().get("detailedErrorMessage"); // "key: must be 2 to 256 characters long"
 * }</pre>
 */
public record ConnectError(ErrorCode code, String message, Map<String, Object> fields) {

    static final String INVALID_JSON = "Request body does not contain valid JSON.";
    private static final String DETAIL = "detailedErrorMessage";

    public ConnectError {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    private static ConnectError of(ErrorCode code, String message, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ConnectError(code, message, fields);
    }

    /** The body is not JSON, or not of the expected shape; {@code detail} says where and why. */
    public static ConnectError invalidJson(String detail) {
        return of(ErrorCode.INVALID_JSON_INPUT, INVALID_JSON, DETAIL, detail);
    }

    /** A field breaks its rule: the detail starts with the field's path. */
    public static ConnectError invalidField(String field, String problem) {
        return invalidJson(field + ": " + problem);
    }

    /** A required field is missing or {@code null}. */
    public static ConnectError requiredField(String field) {
        return invalidField(field, "is required");
    }

    public static ConnectError invalidQueryParam(String param, String problem) {
        return of(ErrorCode.INVALID_QUERY_PARAM, "Request query param is not valid", DETAIL, param + ": " + problem);
    }

    public static ConnectError invalidPathParam(String param, String problem) {
        return of(ErrorCode.INVALID_PATH_PARAM, "Request path param is not valid", DETAIL, param + ": " + problem);
    }

    public static ConnectError duplicateField(String field, Object duplicateValue) {
        return of(ErrorCode.DUPLICATE_FIELD, "A duplicate value " + quote(duplicateValue) + " exists for field " + field + ".",
                "field", field, "duplicateValue", duplicateValue);
    }

    public static ConnectError fieldValueNotFound(String field, Object value) {
        return of(ErrorCode.FIELD_VALUE_NOT_FOUND, "The value " + quote(value) + " for the " + field + " field was not found",
                "field", field, "value", value);
    }

    /** The expected version is not the current one. */
    public static ConnectError concurrentModification(String resource, long expectedVersion, long currentVersion) {
        return of(ErrorCode.CONCURRENT_MODIFICATION,
                "Object " + resource + " has a different version than expected. Expected: " + expectedVersion
                        + " - Actual: " + currentVersion + ".",
                "expectedVersion", expectedVersion, "currentVersion", currentVersion);
    }

    /**
     * The request conflicts with the state the resource is in (for example a publish still being
     * processed); the versions are both the current one, so a retry with it is well-formed.
     */
    public static ConnectError stateConflict(String explanation, long currentVersion) {
        return of(ErrorCode.CONCURRENT_MODIFICATION, explanation,
                "expectedVersion", currentVersion, "currentVersion", currentVersion);
    }

    public static ConnectError resourceNotFound(String what) {
        return of(ErrorCode.RESOURCE_NOT_FOUND, "The Resource with " + what + " was not found.");
    }

    public static ConnectError notPrivate(String resource) {
        return of(ErrorCode.CONNECTOR_STAGED_NOT_PRIVATE,
                "The operation is not valid because ConnectorStaged with " + resource + " is not private");
    }

    public static ConnectError previewRequestUnderProcess() {
        return of(ErrorCode.CONNECTOR_STAGED_PREVIEW_REQUEST_UNDER_PROCESS,
                "The ConnectorStaged preview request is already in progress");
    }

    public static ConnectError inCertification() {
        return of(ErrorCode.CONNECTOR_STAGED_IN_CERTIFICATION, "The ConnectorStaged is already in certification");
    }

    public static ConnectError alreadyCertified() {
        return of(ErrorCode.CONNECTOR_ALREADY_CERTIFIED, "The ConnectorStaged is already certified");
    }

    public static ConnectError general(String message) {
        return of(ErrorCode.GENERAL, message);
    }

    /** The HTTP status of this error. */
    public int httpStatus() {
        return code.httpStatus();
    }

    /** The {@code currentVersion} of a {@code ConcurrentModification}, when this error has one. */
    public java.util.OptionalLong currentVersion() {
        return longField("currentVersion");
    }

    /** The {@code expectedVersion} of a {@code ConcurrentModification}, when this error has one. */
    public java.util.OptionalLong expectedVersion() {
        return longField("expectedVersion");
    }

    /** The {@code field} of a {@code DuplicateField} or {@code FieldValueNotFound}, when this error has one. */
    public java.util.Optional<String> field() {
        Object value = fields.get("field");
        return value instanceof String text ? java.util.Optional.of(text) : java.util.Optional.empty();
    }

    private java.util.OptionalLong longField(String name) {
        Object value = fields.get(name);
        return value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)
                ? java.util.OptionalLong.of(number.longValue()) : java.util.OptionalLong.empty();
    }

    /** The {@code detailedErrorMessage}, or {@code null} when this code has none. */
    public String detailedErrorMessage() {
        return fields.get(DETAIL) instanceof String detail ? detail : null;
    }

    /**
     * This error with its field path placed under {@code prefix} (e.g. {@code actions[2]}), so that
     * an action's own error names where in the request it came from.
     */
    public ConnectError under(String prefix) {
        String detail = detailedErrorMessage();
        if (code != ErrorCode.INVALID_JSON_INPUT || detail == null) {
            return this;
        }
        Map<String, Object> moved = new LinkedHashMap<>(fields);
        moved.put(DETAIL, prefix + (detail.startsWith("[") ? "" : ".") + detail);
        return new ConnectError(code, message, moved);
    }

    private static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
