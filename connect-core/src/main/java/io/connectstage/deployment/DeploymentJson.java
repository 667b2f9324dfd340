package io.connectstage.deployment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.connector.WireEnums;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.json.WireEnumDeserializer;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire JSON of Deployments and their logs, both ways, on the settings of
 * {@link ConnectJson} (a copy of its mapper, with this package's types added). Reading never
 * throws: bad input answers an {@link ErrorResponse} of {@code InvalidJsonInput} errors whose
 * {@code detailedErrorMessage} names the path ({@code configurations[0].standardConfiguration[1].key}).
 *
 * <p>Writing for a client ({@link #write}, {@link #toTree}) puts {@link Secret#MASK} in place of
 * every secured value. Only {@link #writeForStorage} writes them in clear, for a store that must
 * keep them; its output must never be sent to a client or logged.
 *
 * <pre>{@code
 * Either<ErrorResponse, DeploymentDraft> draft = DeploymentJson.readDraft(body);
 * String response = DeploymentJson.write(deployment);   // secured values masked
 * }</pre>
 */
public final class DeploymentJson {
    private static final ObjectMapper WIRE = mapper(new MaskedSecret());
    private static final ObjectMapper STORAGE = mapper(new ClearSecret());
    private static final TypeReference<PagedQueryResponse<Deployment>> PAGE = new TypeReference<>() {
    };
    private static final Map<String, Class<?>> ACTIONS = actions();

    private DeploymentJson() {
    }

    private static ObjectMapper mapper(JsonSerializer<Secret> secrets) {
        ObjectMapper mapper = ConnectJson.mapper().copy();
        SimpleModule module = new SimpleModule("connectstage-deployment");
        module.addSerializer(Secret.class, secrets);
        module.addDeserializer(Secret.class, new SecretDeserializer());
        WireEnumDeserializer.register(module, DeploymentType.class, DeploymentType::fromWire);
        WireEnumDeserializer.register(module, DeploymentStatus.class, DeploymentStatus::fromWire);
        WireEnumDeserializer.register(module, DeploymentLogSeverity.class, DeploymentLogSeverity::fromWire);
        WireEnumDeserializer.register(module, DeploymentLogType.class, DeploymentLogType::fromWire);
        mapper.registerModule(module);
        for (Class<?> action : DeploymentUpdateAction.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(action));
        }
        return mapper;
    }

    private static Map<String, Class<?>> actions() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : DeploymentUpdateAction.class.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(type.getName() + " has no @JsonTypeName");
            }
            byName.put(name.value(), type);
        }
        return Map.copyOf(byName);
    }

    /** The JSON name of every Deployment update action, in the order of the sealed interface. */
    public static List<String> actionNames() {
        return Arrays.stream(DeploymentUpdateAction.class.getPermittedSubclasses())
                .map(t -> t.getAnnotation(JsonTypeName.class).value()).toList();
    }

    // ---- reading ----

    /** A create request body. */
    public static Either<ErrorResponse, DeploymentDraft> readDraft(String json) {
        return readObject(json, DeploymentDraft.class, "a DeploymentDraft");
    }

    /** A Deployment, as a store keeps it or the API answers it. */
    public static Either<ErrorResponse, Deployment> readDeployment(String json) {
        return readObject(json, Deployment.class, "a Deployment");
    }

    /** A page of Deployments ({@code DeploymentPagedQueryResponse}). */
    public static Either<ErrorResponse, PagedQueryResponse<Deployment>> readPage(String json) {
        return parse(json).flatMap(node -> node.isObject() ? convert(node, PAGE, "")
                : fail(ConnectError.invalidJson("the body must be a DeploymentPagedQueryResponse object")));
    }

    /** One log entry. */
    public static Either<ErrorResponse, DeploymentLog> readLog(String json) {
        return readObject(json, DeploymentLog.class, "a DeploymentLog");
    }

    /** A page of log entries ({@code DeploymentLogCursorPagedQueryResponse}). */
    public static Either<ErrorResponse, DeploymentLogPage> readLogPage(String json) {
        return readObject(json, DeploymentLogPage.class, "a DeploymentLogCursorPagedQueryResponse");
    }

    /** Any value of this package from JSON. */
    public static <T> Either<ErrorResponse, T> read(String json, Class<T> type) {
        return readObject(json, type, "a " + type.getSimpleName());
    }

    /** One update action, e.g. {@code {"action":"redeploy","skipScripts":true}}. */
    public static Either<ErrorResponse, DeploymentUpdateAction> readAction(String json) {
        return parse(json).flatMap(node -> action(node, ""));
    }

    /** An update request body; every malformed action is reported, not only the first. */
    public static Either<ErrorResponse, DeploymentUpdate> readUpdate(String json) {
        return parse(json).flatMap(DeploymentJson::update);
    }

    private static Either<ErrorResponse, DeploymentUpdate> update(JsonNode root) {
        if (!root.isObject()) {
            return fail(ConnectError.invalidJson("the request body must be an object with version and actions"));
        }
        List<ConnectError> errors = new ArrayList<>();
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            errors.add(ConnectError.requiredField("version"));
        } else if (!version.isIntegralNumber() || !version.canConvertToLong()) {
            errors.add(ConnectError.invalidField("version", "must be an integer, got " + version));
        }
        JsonNode actionsNode = root.get("actions");
        List<DeploymentUpdateAction> actions = new ArrayList<>();
        if (actionsNode == null || actionsNode.isNull()) {
            errors.add(ConnectError.requiredField("actions"));
        } else if (!actionsNode.isArray()) {
            errors.add(ConnectError.invalidField("actions", "must be an array"));
        } else {
            for (int i = 0; i < actionsNode.size(); i++) {
                Either<ErrorResponse, DeploymentUpdateAction> action = action(actionsNode.get(i), "actions[" + i + "]");
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
        return Either.right(new DeploymentUpdate(version.asLong(), actions));
    }

    private static Either<ErrorResponse, DeploymentUpdateAction> action(JsonNode node, String at) {
        if (!node.isObject()) {
            return fail(ConnectError.invalidField(at.isEmpty() ? "action" : at, "must be an object"));
        }
        JsonNode name = node.get("action");
        if (name == null || name.isNull()) {
            return fail(ConnectError.requiredField(join(at, "action")));
        }
        if (!name.isTextual() || !ACTIONS.containsKey(name.asText())) {
            return fail(ConnectError.invalidField(join(at, "action"), "unknown update action " + name
                    + ", expected one of " + String.join(", ", actionNames())));
        }
        return convert(node, DeploymentUpdateAction.class, at);
    }

    // ---- writing ----

    /** The JSON a client gets: secured values masked. */
    public static String write(Object value) {
        return write(WIRE, value);
    }

    /** The JSON tree a client gets: secured values masked. */
    public static JsonNode toTree(Object value) {
        return WIRE.valueToTree(value);
    }

    /**
     * The JSON a store keeps: secured values in clear, so that {@link #readDeployment} gives them
     * back. Never send it to a client and never log it.
     */
    public static String writeForStorage(Object value) {
        return write(STORAGE, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own value types are written, and all of them serialize; a failure is a bug.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    // ---- plumbing ----

    private static <T> Either<ErrorResponse, T> readObject(String json, Class<T> type, String what) {
        return parse(json).flatMap(node -> node.isObject()
                ? convert(node, type, "")
                : fail(ConnectError.invalidJson("the request body must be " + what + " object")));
    }

    private static Either<ErrorResponse, JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            return fail(ConnectError.invalidJson("the request body is empty"));
        }
        try {
            return Either.right(WIRE.readTree(json));
        } catch (JsonProcessingException e) {
            return fail(toError(e, ""));
        }
    }

    private static <T> Either<ErrorResponse, T> convert(JsonNode node, Class<T> type, String at) {
        try {
            return Either.right(WIRE.treeToValue(node, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return fail(toError(e, at));
        }
    }

    private static <T> Either<ErrorResponse, T> convert(JsonNode node, TypeReference<T> type, String at) {
        try {
            return Either.right(WIRE.treeToValue(node, WIRE.getTypeFactory().constructType(type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return fail(toError(e, at));
        }
    }

    private static <T> Either<ErrorResponse, T> fail(ConnectError error) {
        return Either.left(ErrorResponse.of(error));
    }

    /**
     * What Jackson says, in the words of the API: the path of the field and the problem, never a
     * Java class name nor the value of a field (which could be a secret).
     */
    static ConnectError toError(Exception e, String at) {
        if (e instanceof StreamReadException read && !(e instanceof JsonMappingException)) {
            String where = read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
            return ConnectError.invalidJson("malformed JSON" + where);
        }
        if (e instanceof MismatchedInputException trailing && trailing.getPath().isEmpty()
                && trailing.getTargetType() != null && com.fasterxml.jackson.core.TreeNode.class.isAssignableFrom(trailing.getTargetType())) {
            return ConnectError.invalidJson("malformed JSON: unexpected content after the end of the JSON value");
        }
        if (e instanceof JsonMappingException mapping) {
            String path = join(at, path(mapping));
            return ConnectError.invalidField(path.isEmpty() ? "body" : path, problem(mapping));
        }
        return ConnectError.invalidJson(join(at, "body") + ": invalid value");
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return WireEnums.unknownValue(format.getValue(), format.getTargetType());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof NullPointerException) {
            return "must not be null";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        if (e.getClass() == JsonMappingException.class && e.getOriginalMessage() != null) {
            // Raised by the enum deserializers here and in ConnectJson: a wire spelling and the accepted ones.
            return e.getOriginalMessage();
        }
        return "invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum() || type == Secret.class) {
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
        if (type == Instant.class) {
            return "a date-time string such as 2023-08-08T12:20:31.143Z";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
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

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** A secret from a JSON string. */
    private static final class SecretDeserializer extends JsonDeserializer<Secret> {
        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Secret) ctxt.handleUnexpectedToken(Secret.class, p);
            }
            return Secret.of(p.getText());
        }
    }

    /** What a client sees of a secret: the mask. */
    private static final class MaskedSecret extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(Secret.MASK);
        }
    }

    /** What a store keeps of a secret: the value. */
    private static final class ClearSecret extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.reveal());
        }
    }
}
