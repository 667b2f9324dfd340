package io.connectstage.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.connectstage.connector.WireEnums;
import io.connectstage.error.ConnectError;
import java.time.Instant;
import java.util.Collection;

/**
 * Turns what Jackson says about bad input into an {@code InvalidJsonInput} error that names the
 * path of the field and the problem in the words of the API, without Java class names.
 */
final class JsonErrors {
    private static final String HIDDEN_SOURCE =
            "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    private JsonErrors() {
    }

    static ConnectError toError(Exception e, String at) {
        if (e instanceof StreamReadException read && !(e instanceof JsonMappingException)) {
            return malformed(read.getLocation(), read.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException trailing && trailing.getPath().isEmpty()
                && trailing.getTargetType() != null && TreeNode.class.isAssignableFrom(trailing.getTargetType())) {
            // Only reading the tree itself fails this way: content after the value (FAIL_ON_TRAILING_TOKENS).
            return malformed(trailing.getLocation(), "unexpected content after the end of the JSON value");
        }
        if (e instanceof JsonMappingException mapping) {
            String path = join(at, path(mapping));
            return ConnectError.invalidField(path.isEmpty() ? "body" : path, problem(mapping));
        }
        if (e instanceof JsonProcessingException processing) {
            return ConnectError.invalidJson(join(at, "") + processing.getOriginalMessage());
        }
        return ConnectError.invalidJson(rootCause(e));
    }

    private static ConnectError malformed(JsonLocation where, String problem) {
        String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        // Jackson's nested locations ("for Array starting at [...]") name a parser feature; keep only line and column.
        String cleaned = problem.replace(HIDDEN_SOURCE, "");
        return ConnectError.invalidJson("malformed JSON" + position + ": " + cleaned);
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return WireEnums.unknownValue(format.getValue(), format.getTargetType());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof ValueInstantiationException || e instanceof InvalidFormatException && e.getCause() != null) {
            return rootCause(e);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        if (e.getCause() instanceof IllegalArgumentException) {
            return rootCause(e);
        }
        return e.getOriginalMessage();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof NullPointerException) {
            return "must not be null";
        }
        return cause.getMessage() == null ? "invalid value" : cause.getMessage();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a string";
        }
        if (type == Instant.class) {
            return "a date-time string such as 2023-08-08T12:20:31.143Z";
        }
        return "an object";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }
}
