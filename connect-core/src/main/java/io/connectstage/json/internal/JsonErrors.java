package io.connectstage.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.connectstage.connector.WireEnums;
import io.connectstage.error.ConnectError;
import io.connectstage.rule.Limits;
import java.time.Instant;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Turns what Jackson says about bad input into an {@code InvalidJsonInput} error that names the
 * path of the field and the problem in the words of the API, without Java class names and without
 * the text of a token it could not read (which could be a secured value sent unquoted). The one
 * wording of every JSON reader ({@link JsonReader}).
 */
final class JsonErrors {
    private static final String HIDDEN_SOURCE =
            "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";
    /** Jackson quotes a token it cannot read ({@code Unrecognized token 'p4ssw0rd': was expecting ...}). */
    private static final Pattern UNREADABLE_TOKEN = Pattern.compile("Unrecognized token '.*?':", Pattern.DOTALL);

    private JsonErrors() {
    }

    /** The error of what Jackson threw while reading the value at path {@code at} ({@code ""}: the body). */
    static ConnectError toError(Exception e, String at) {
        DuplicateKeyException duplicate = duplicateKey(e);
        if (duplicate != null) {
            return ConnectError.invalidJson("malformed JSON: the key '" + shortened(duplicate.key())
                    + "' appears twice in one object");
        }
        if (e instanceof StreamConstraintsException) {
            return ConnectError.invalidJson("the JSON document exceeds the limits of this API: at most "
                    + Limits.MAX_DOCUMENT_LENGTH + " characters, " + Limits.MAX_NESTING_DEPTH
                    + " levels of nesting, numbers of at most 1000 digits and strings of at most 20,000,000 characters");
        }
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
            return ConnectError.invalidField(path.isEmpty() ? "body" : path, inApiWords(problem(mapping)));
        }
        String where = at.isEmpty() ? "" : at + ": ";
        if (e instanceof JsonProcessingException processing) {
            return ConnectError.invalidJson(where + inApiWords(processing.getOriginalMessage()));
        }
        return ConnectError.invalidJson(where + inApiWords(rootCause(e)));
    }

    private static DuplicateKeyException duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DuplicateKeyException duplicate) {
                return duplicate;
            }
        }
        return null;
    }

    /**
     * A message with no Java or Jackson internals: one that names a class, a package, a library
     * feature or an exception is replaced by a plain one. Our own messages never do; this is the
     * net under the messages of the library.
     */
    static String inApiWords(String message) {
        if (message == null || message.isBlank()) {
            return "invalid value";
        }
        for (String internal : INTERNALS) {
            if (message.contains(internal)) {
                return "invalid value";
            }
        }
        return message;
    }

    private static final java.util.List<String> INTERNALS = java.util.List.of("`", "io.connectstage", "com.fasterxml",
            "java.", "jackson", "Jackson", "Exception", "No enum constant", "Feature", "StreamReadConstraints",
            "DeserializationContext", "JsonNode", "Cannot construct instance", "@");

    /** A JSON value as it may appear in a message: at most 60 characters of it. */
    static String shortened(JsonNode value) {
        return shortened(value.toString());
    }

    static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * {@code root} without the field at this path, changed in place: an object member is removed;
     * an element of an array removes the whole array from its object (the other elements' indices
     * would move). {@code null} when nothing can be removed, at the root.
     */
    static JsonNode without(JsonNode root, java.util.List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        int last = path.size() - 1;
        while (last >= 0 && path.get(last).getFieldName() == null) {
            last--; // an array element: remove the array
        }
        if (last < 0) {
            return null;
        }
        JsonNode parent = root;
        for (int i = 0; i < last; i++) {
            JsonMappingException.Reference ref = path.get(i);
            parent = ref.getFieldName() != null ? parent.get(ref.getFieldName()) : parent.get(ref.getIndex());
            if (parent == null) {
                return null;
            }
        }
        if (!(parent instanceof ObjectNode object) || !object.has(path.get(last).getFieldName())) {
            return null;
        }
        object.remove(path.get(last).getFieldName());
        return root;
    }

    private static ConnectError malformed(JsonLocation where, String problem) {
        String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        // Jackson's nested locations ("for Array starting at [...]") name a parser feature; keep only line and column.
        String cleaned = problem == null ? "" : UNREADABLE_TOKEN.matcher(problem.replace(HIDDEN_SOURCE, ""))
                .replaceFirst("Unrecognized token:");
        return ConnectError.invalidJson("malformed JSON" + position + ": " + inApiWords(cleaned).replace("invalid value",
                "not valid JSON"));
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return WireEnums.unknownValue(shortened(String.valueOf(format.getValue())), format.getTargetType());
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

    /** {@code prefix} and {@code path} joined as a path: {@code actions[1]} and {@code regions[0]} make {@code actions[1].regions[0]}. */
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
