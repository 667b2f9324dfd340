package io.connectstage.rule;

import io.connectstage.error.ConnectError;
import io.vavr.collection.List;
import java.util.regex.Pattern;

/**
 * The field rules of the API reference, each answering with the errors it finds (none when the
 * value is fine) so that callers can gather every problem of a request before answering.
 */
public final class FieldRules {
    /** {@code key} of a ConnectorStaged: pattern and length from the reference. */
    public static final Pattern KEY_PATTERN = Pattern.compile("^[A-Za-z0-9_-]+$");
    public static final int KEY_MIN_LENGTH = 2;
    public static final int KEY_MAX_LENGTH = 256;
    /** A ProjectIdentifier, {@code {region}:{projectKey}}. */
    public static final Pattern PROJECT_IDENTIFIER_PATTERN = Pattern.compile("^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$");
    /** {@code creator.noOfContributors} and its set action: minimum 1. */
    public static final int MIN_CONTRIBUTORS = 1;

    private FieldRules() {
    }

    /** Errors of a connector key; {@code null} is fine, the key is optional. */
    public static List<ConnectError> key(String field, String key) {
        if (key == null) {
            return List.empty();
        }
        if (key.length() < KEY_MIN_LENGTH || key.length() > KEY_MAX_LENGTH) {
            return List.of(ConnectError.invalidField(field, "must be " + KEY_MIN_LENGTH + " to " + KEY_MAX_LENGTH
                    + " characters long, got " + key.length()));
        }
        if (!KEY_PATTERN.matcher(key).matches()) {
            return List.of(ConnectError.invalidField(field, "'" + key + "' does not match " + KEY_PATTERN.pattern()));
        }
        return List.empty();
    }

    /** Errors of one project identifier, which is required where it is checked. */
    public static List<ConnectError> projectIdentifier(String field, String project) {
        if (project == null) {
            return List.of(ConnectError.requiredField(field));
        }
        if (!PROJECT_IDENTIFIER_PATTERN.matcher(project).matches()) {
            return List.of(ConnectError.invalidField(field,
                    "'" + project + "' does not match " + PROJECT_IDENTIFIER_PATTERN.pattern()));
        }
        return List.empty();
    }

    /** Errors of a list of project identifiers: each element, by its index. */
    public static List<ConnectError> projectIdentifiers(String field, java.util.List<String> projects) {
        java.util.List<ConnectError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            errors.addAll(projectIdentifier(field + "[" + i + "]", projects.get(i)).asJava());
        }
        return List.ofAll(errors);
    }

    /**
     * {@code DuplicateField} for each value of a list that an earlier element already has, as
     * {@code addPrivateProject} answers for a project already listed.
     */
    public static List<ConnectError> noDuplicates(String field, java.util.List<?> values) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        java.util.Set<Object> reported = new java.util.HashSet<>();
        java.util.List<ConnectError> errors = new java.util.ArrayList<>();
        for (Object value : values) {
            if (value != null && !seen.add(value) && reported.add(value)) {
                errors.add(ConnectError.duplicateField(field, value));
            }
        }
        return List.ofAll(errors);
    }

    /** A value that must be present. */
    public static List<ConnectError> required(String field, Object value) {
        return value == null ? List.of(ConnectError.requiredField(field)) : List.empty();
    }

    /** A string that must be present and not blank. */
    public static List<ConnectError> requiredText(String field, String value) {
        if (value == null) {
            return List.of(ConnectError.requiredField(field));
        }
        return value.isBlank() ? List.of(ConnectError.invalidField(field, "must not be blank")) : List.empty();
    }

    /** A number of contributors: optional where {@code optional}, at least 1 when given. */
    public static List<ConnectError> contributors(String field, Integer value, boolean optional) {
        if (value == null) {
            return optional ? List.empty() : List.of(ConnectError.requiredField(field));
        }
        return value < MIN_CONTRIBUTORS
                ? List.of(ConnectError.invalidField(field, "must be at least " + MIN_CONTRIBUTORS + ", got " + value))
                : List.empty();
    }

    /** A list whose elements must not be {@code null}; {@code minItems} 0 for no minimum. */
    public static List<ConnectError> list(String field, java.util.List<?> value, int minItems) {
        if (value == null) {
            return List.of(ConnectError.requiredField(field));
        }
        if (value.size() < minItems) {
            return List.of(ConnectError.invalidField(field, "must have at least " + minItems + " item"
                    + (minItems == 1 ? "" : "s")));
        }
        return noNullElements(field, value);
    }

    /** Errors for the {@code null} elements of a list, each by its index. */
    public static List<ConnectError> noNullElements(String field, java.util.List<?> value) {
        java.util.List<ConnectError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                errors.add(ConnectError.invalidField(field + "[" + i + "]", "must not be null"));
            }
        }
        return List.ofAll(errors);
    }
}
