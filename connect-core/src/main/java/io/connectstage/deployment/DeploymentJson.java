package io.connectstage.deployment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.connectstage.connector.PagedQueryResponse;
import io.connectstage.error.ConnectError;
import io.connectstage.error.ErrorResponse;
import io.connectstage.json.ConnectJson;
import io.connectstage.json.WireEnumDeserializer;
import io.connectstage.json.internal.JsonReader;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.List;

/**
 * The wire JSON of Deployments and their logs, both ways, on the settings of
 * {@link ConnectJson} (a copy of its mapper, with this package's types added) and read the same
 * way ({@link JsonReader}): reading never throws; bad input answers an {@link ErrorResponse} of
 * {@code InvalidJsonInput} errors, worded as {@link ConnectJson} words them, whose
 * {@code detailedErrorMessage} names the path ({@code configurations[0].standardConfiguration[1].key})
 * and never echoes a value it could not read.
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
    private static final JsonReader READER = new JsonReader(WIRE);
    private static final JavaType PAGE = READER.type(new TypeReference<PagedQueryResponse<Deployment>>() {
    }.getType());
    private static final JavaType ACTION = READER.type(DeploymentUpdateAction.class);
    private static final List<String> ACTION_NAMES = actionNames();

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

    /** The JSON name of every Deployment update action, in the order of the sealed interface. */
    public static List<String> actionNames() {
        return JsonReader.subtypeNames(DeploymentUpdateAction.class);
    }

    // ---- reading ----

    /** A create request body. */
    public static Either<ErrorResponse, DeploymentDraft> readDraft(String json) {
        return read(json, DeploymentDraft.class);
    }

    /** A Deployment, as a store keeps it or the API answers it. */
    public static Either<ErrorResponse, Deployment> readDeployment(String json) {
        return read(json, Deployment.class);
    }

    /** A page of Deployments ({@code DeploymentPagedQueryResponse}). */
    public static Either<ErrorResponse, PagedQueryResponse<Deployment>> readPage(String json) {
        return READER.readPage(json, PAGE, "a page of Deployments");
    }

    /** One log entry. */
    public static Either<ErrorResponse, DeploymentLog> readLog(String json) {
        return read(json, DeploymentLog.class);
    }

    /** A page of log entries ({@code DeploymentLogCursorPagedQueryResponse}). */
    public static Either<ErrorResponse, DeploymentLogPage> readLogPage(String json) {
        return READER.readObject(json, READER.type(DeploymentLogPage.class), "a DeploymentLogCursorPagedQueryResponse");
    }

    /** Any value of this package from JSON. */
    public static <T> Either<ErrorResponse, T> read(String json, Class<T> type) {
        if (type == null) {
            return JsonReader.fail(ConnectError.invalidJson("no type to read the request body as"));
        }
        return READER.readObject(json, READER.type(type), "a " + type.getSimpleName());
    }

    /** One update action, e.g. {@code {"action":"redeploy","skipScripts":true}}. */
    public static Either<ErrorResponse, DeploymentUpdateAction> readAction(String json) {
        return READER.parse(json).flatMap(node -> READER.action(node, "", ACTION_NAMES, ACTION));
    }

    /** An update request body; every malformed action is reported, not only the first. */
    public static Either<ErrorResponse, DeploymentUpdate> readUpdate(String json) {
        return READER.parse(json).flatMap(root -> READER.<DeploymentUpdateAction, DeploymentUpdate>update(root,
                ACTION_NAMES, ACTION, DeploymentUpdate::new));
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

    /** A secret from a JSON string. */
    private static final class SecretDeserializer extends JsonDeserializer<Secret> {
        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                // Reported as the string it must be ("expected a string"), never with the value sent.
                throw MismatchedInputException.from(p, String.class, "expected a string");
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
