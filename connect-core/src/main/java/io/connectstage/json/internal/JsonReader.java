package io.connectstage.json.internal;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.rule.Limits;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The one way the wire JSON is read, over the mapper of a reader ({@code ConnectJson} for
 * connectors, {@code DeploymentJson} for Deployments, which adds its types to a copy): the same
 * limits, the same checks of an update body and its actions, every wrong field of a value, and
 * the same words ({@link JsonErrors}) for the same bad input. Reading never throws.
 *
 * <pre>{@code
 * JsonReader reader = new JsonReader(mapper);
 * Either<ErrorResponse, ConnectorStagedDraft> draft = reader.readObject(body, reader.type(ConnectorStagedDraft.class), "a ConnectorStagedDraft");
 * }</pre>
 */
public final class JsonReader {
    /** How many wrong fields of one object (a body, an action) are reported at most. */
    public static final int MAX_ERRORS_PER_VALUE = 50;

    private final ObjectMapper mapper;

    public JsonReader(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper is null");
    }

    /** The type of {@code type} in this reader's mapper. */
    public JavaType type(java.lang.reflect.Type type) {
        return mapper.getTypeFactory().constructType(type);
    }

    /** The tree of a request body: empty, too long, malformed JSON (a key twice included) answer an error. */
    public Either<ErrorResponse, JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return fail(ConnectError.invalidJson("the request body is empty"));
        }
        if (json.length() > Limits.MAX_DOCUMENT_LENGTH) {
            return fail(ConnectError.invalidJson("the request body is longer than the " + Limits.MAX_DOCUMENT_LENGTH
                    + " characters (16 MiB) a document may have"));
        }
        try {
            return Either.right(mapper.readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            return fail(JsonErrors.toError(e, ""));
        }
    }

    /** A body that must be an object of {@code type}; {@code what} names it ({@code "a DeploymentDraft"}). */
    public <T> Either<ErrorResponse, T> readObject(String json, JavaType type, String what) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, type, "")
                : fail(ConnectError.invalidJson("the request body must be " + what + " object")));
    }

    /** A page ({@code PagedQueryResponse}); {@code what} names its results ({@code "a page of Connectors"}). */
    public <T> Either<ErrorResponse, T> readPage(String json, JavaType type, String what) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, type, "")
                : fail(ConnectError.invalidField("body", "expected an object, " + what)));
    }

    /**
     * The value of this type, or every wrong field of the node: Jackson stops at the first, so the
     * field it names is left out of a copy and the copy read again, until the rest reads (at most
     * {@link #MAX_ERRORS_PER_VALUE} times, so the work stays linear in the size of the value).
     * {@code at} is the path of the node in the body ({@code actions[2]}), {@code ""} for the body.
     */
    public <T> Either<ErrorResponse, T> convert(JsonNode node, JavaType type, String at) {
        List<ConnectError> errors = new ArrayList<>();
        JsonNode current = node;
        while (true) {
            try {
                T value = mapper.treeToValue(current, type);
                return errors.isEmpty() ? Either.right(value) : Either.left(ErrorResponse.of(errors));
            } catch (JsonProcessingException | RuntimeException e) {
                if (!errors.isEmpty() && e instanceof ValueInstantiationException) {
                    break; // the value refuses what the fields left out made of it: nothing new to report
                }
                ConnectError error = JsonErrors.toError(e, at);
                if (errors.contains(error)) {
                    break;
                }
                errors.add(error);
                if (errors.size() >= MAX_ERRORS_PER_VALUE || !(e instanceof JsonMappingException mapping)) {
                    break;
                }
                JsonNode without = JsonErrors.without(current == node ? node.deepCopy() : current, mapping.getPath());
                if (without == null) {
                    break;
                }
                current = without;
            }
        }
        return Either.left(ErrorResponse.of(errors));
    }

    /**
     * One update action at path {@code at}: an object whose {@code action} is one of {@code names}
     * (the JSON names of the subtypes of {@code base}, in the order an error lists them).
     */
    public <A> Either<ErrorResponse, A> action(JsonNode node, String at, List<String> names, JavaType base) {
        if (node == null || !node.isObject()) {
            return fail(ConnectError.invalidField(at.isEmpty() ? "action" : at, "must be an object"));
        }
        JsonNode name = node.get("action");
        if (name == null || name.isNull()) {
            return fail(ConnectError.requiredField(JsonErrors.join(at, "action")));
        }
        if (!name.isTextual() || !names.contains(name.asText())) {
            return fail(ConnectError.invalidField(JsonErrors.join(at, "action"), "unknown update action "
                    + JsonErrors.shortened(name) + ", expected one of " + String.join(", ", names)));
        }
        return convert(node, base, at);
    }

    /**
     * An update request body, {@code version} and {@code actions}, made into an update by
     * {@code update}. Each action is read on its own, so that every malformed action is reported,
     * not only the first. More than {@link Limits#MAX_UPDATE_ACTIONS} actions are refused before
     * any of them is read.
     */
    public <A, U> Either<ErrorResponse, U> update(JsonNode root, List<String> names, JavaType base,
            BiFunction<Long, List<A>, U> update) {
        if (!root.isObject()) {
            return fail(ConnectError.invalidJson("the request body must be an object with version and actions"));
        }
        List<ConnectError> errors = new ArrayList<>();
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            errors.add(ConnectError.requiredField("version"));
        } else if (!version.isIntegralNumber() || !version.canConvertToLong()) {
            errors.add(ConnectError.invalidField("version", "must be an integer, got " + JsonErrors.shortened(version)));
        }
        JsonNode actionsNode = root.get("actions");
        List<A> actions = new ArrayList<>();
        if (actionsNode == null || actionsNode.isNull()) {
            errors.add(ConnectError.requiredField("actions"));
        } else if (!actionsNode.isArray()) {
            errors.add(ConnectError.invalidField("actions", "must be an array"));
        } else if (actionsNode.size() > Limits.MAX_UPDATE_ACTIONS) {
            errors.add(ConnectError.invalidField("actions", "at most " + Limits.MAX_UPDATE_ACTIONS
                    + " update actions are allowed per request, got " + actionsNode.size()));
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Either<ErrorResponse, A> action = action(actionsNode.get(i), "actions[" + i + "]", names, base);
                if (action.isRight()) {
                    actions.add(action.get());
                } else {
                    errors.addAll(action.getLeft().errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(ErrorResponse.of(errors));
        }
        return Either.right(update.apply(version.asLong(), actions));
    }

    /**
     * The JSON names ({@code @JsonTypeName}) of the permitted subclasses of a sealed type, in the
     * order of its {@code permits}; {@code IllegalStateException} for one without a name (a bug).
     */
    public static List<String> subtypeNames(Class<?> sealed) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
            }
            names.add(name.value());
        }
        return List.copyOf(names);
    }

    /** An error response of one error. */
    public static <T> Either<ErrorResponse, T> fail(ConnectError error) {
        return Either.left(ErrorResponse.of(error));
    }
}
